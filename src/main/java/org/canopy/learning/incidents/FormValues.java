package org.canopy.learning.incidents;

import java.util.List;
import java.util.Map;

/** What a form holds, field by field, for pages to show again: typed values after a refusal, stored ones before. */
record FormValues(Map<String, List<String>> values) {

    /** The field's first value, or an empty string. */
    public String value(String field) {
        var list = values.get(field);
        return list == null || list.isEmpty() || list.get(0) == null ? "" : list.get(0);
    }

    /** True when a checkbox or radio of the field holds that value. */
    public boolean has(String field, Object value) {
        var list = values.get(field);
        return list != null && list.contains(String.valueOf(value));
    }
}
