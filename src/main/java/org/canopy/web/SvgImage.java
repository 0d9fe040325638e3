package org.canopy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Sends a chart drawn as SVG: JFreeSVG styles with attributes, so the image gets a CSP of its own (no script, inline style only). */
public final class SvgImage {

    private SvgImage() {
    }

    /** Writes the SVG's bytes (UTF-8) as the response, with its content type and policy. */
    public static void write(HttpServletResponse response, byte[] svg) throws IOException {
        response.setContentType("image/svg+xml");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        response.getOutputStream().write(svg);
    }

    /** Writes the SVG text as the response. */
    public static void write(HttpServletResponse response, String svg) throws IOException {
        write(response, svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
