package org.canopy.web.internal;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** The largest upload the server takes (spring.servlet.multipart), in words for the hint beside every file field. */
@Component("uploadLimit")
@ConditionalOnWebApplication // the multipart settings exist only with a web server
class UploadLimit {

    private static final long KB = 1024;
    private static final long MB = KB * KB;

    private final long bytes;

    UploadLimit(MultipartConfigElement multipart) {
        this.bytes = smallest(multipart.getMaxFileSize(), multipart.getMaxRequestSize());
    }

    /** The limit as GOV.UK writes sizes, for example "5MB"; templates use {@code ${@uploadLimit.text()}}. */
    public String text() {
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        return bytes >= KB && bytes % KB == 0 ? bytes / KB + "KB" : bytes + " bytes";
    }

    /** A file alone counts against both limits; a non-positive limit is no limit. */
    private static long smallest(long file, long request) {
        if (file <= 0) {
            return request;
        }
        return request <= 0 ? file : Math.min(file, request);
    }
}
