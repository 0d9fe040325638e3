package org.canopy.partnership;

import org.canopy.web.Revalidation;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * The partnership's data version: moved on by every change in any module ({@link RecordChanged}), in the
 * changing transaction. What is built only from the partnership's data (a chart, a dashboard) is the same for
 * the same version, so it can be cached against it and a browser's copy revalidated with it.
 */
public interface DataVersion {

    /** The partnership's current version, read from the database (so every node agrees). */
    long current(long partnershipId);

    /**
     * For a page built only from the person's partnership's data: true (and the answer is a 304) when their browser
     * holds the current copy, so the handler returns {@code null} at once.
     */
    default boolean pageUnchanged(NativeWebRequest request, CanopyUser user) {
        return Revalidation.notModified(request, Revalidation.pageTag(request, user.partnershipId(),
                current(user.partnershipId()), user.getUsername()));
    }
}
