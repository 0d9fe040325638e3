package org.canopy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Pages and charts built only from a partnership's data carry an ETag made from its data version and what else
 * they depend on; a browser holding the current copy gets a 304 without anything being read or rendered.
 * <p>
 * The tag also holds this process's start (a new release may render differently), today's date (due dates turn
 * into "overdue" overnight) and, for pages, who is looking in which session (the page has their name, their
 * navigation and the session's form token). Parts are hashed, so no session id is sent back in a header.
 */
public final class Revalidation {

    private static final String STARTED = UUID.randomUUID().toString();

    private Revalidation() {
    }

    /** An ETag for a chart of the partnership's data: the same for everyone who may see it. */
    public static String chartTag(long partnershipId, long version, String... parts) {
        return tag("chart", String.valueOf(partnershipId), String.valueOf(version), String.join("\u0000", parts));
    }

    /** An ETag for a page: the data version, who is looking in which session, and the address with its query. */
    public static String pageTag(String... parts) {
        return tag("page", parts);
    }

    /**
     * True when the browser's copy (If-None-Match) is this one: the response is then a 304 and the caller returns
     * at once. Otherwise sets the ETag and asks the browser to revalidate every time ({@code private, no-cache}),
     * so no one sees a copy older than the last change. A page carrying a one-off message (after a redirect) is
     * never answered with a 304: the message would be lost. Takes the request Spring handed the handler, so that
     * Spring knows the answer is complete (a handler then returns {@code null}).
     */
    public static boolean notModified(NativeWebRequest webRequest, String etag) {
        webRequest.getNativeResponse(HttpServletResponse.class).setHeader("Cache-Control", "private, no-cache");
        var flash = RequestContextUtils.getInputFlashMap(webRequest.getNativeRequest(HttpServletRequest.class));
        if (flash != null && !flash.isEmpty()) {
            return false;
        }
        return webRequest.checkNotModified(etag);
    }

    private static String tag(String kind, String... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((kind + "\u0000" + STARTED + "\u0000" + LocalDate.now()).getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                digest.update((byte) 0);
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
