package org.canopy.partnership.versions;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.DataVersion;
import org.canopy.web.RenderCache;
import org.canopy.web.Revalidation;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Pages the modules declare as built only from the partnership's data ({@code ServicePages.keeping}) are rendered
 * once per change of the data version, per person and address, and kept: the next request for the same page at the
 * same version is written from memory, with nothing read but the version (one row, so every node agrees).
 * <p>
 * A browser holding the current copy gets a 304 (its ETag holds the version, the person, the session and the
 * address). The session's form token is the one part of a kept page that differs between requests: it is cut out
 * when the page is kept and a fresh one (masked anew, as Spring Security does per request) is put in on every
 * answer. A page with a one-off message waiting (after a redirect) is rendered afresh and never kept.
 */
final class KeptPages extends OncePerRequestFilter {

    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    /** A kept page: its content type and its bytes, split where the form token goes. */
    record Page(String contentType, List<byte[]> parts) {

        int bytes() {
            return parts.stream().mapToInt(p -> p.length).sum();
        }
    }

    private final List<PathPattern> patterns;
    private final DataVersion versions;
    private final RenderCache<Page> pages;

    KeptPages(List<String> paths, DataVersion versions, long maxBytes) {
        var parser = new PathPatternParser();
        this.patterns = paths.stream().map(parser::parse).toList();
        this.versions = versions;
        this.pages = new RenderCache<>(maxBytes, Page::bytes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null) {
            return true;
        }
        var path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        return patterns.stream().noneMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(FLASH_MAPS) instanceof List<?> waiting && !waiting.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var user = authentication != null && authentication.getPrincipal() instanceof CanopyUser u ? u : null;
        long version = user == null ? versions.everyPartnership() : versions.current(user.partnershipId());
        String who = user == null ? "" : user.partnershipId() + "\u0000" + user.getUsername();
        String address = request.getRequestURI() + "?" + request.getQueryString();

        String etag = Revalidation.pageTag(String.valueOf(version), who, session == null ? "" : session.getId(), address);
        if (Revalidation.notModified(new ServletWebRequest(request, response), etag)) {
            return;
        }
        String key = version + "\u0000" + who + "\u0000" + address + "\u0000" + LocalDate.now();
        var kept = pages.kept(key);
        if (kept != null) {
            write(kept, request, response);
            return;
        }
        var rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        String type = rendering.getContentType();
        if (rendering.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")) {
            pages.keep(key, keep(type, rendering.getContentAsByteArray(), formToken(request)));
        }
        rendering.copyBodyToResponse();
    }

    /** The page split where its form token stands (a page with no form, or no session, is one part). */
    private static Page keep(String type, byte[] body, String token) {
        if (token == null) {
            return new Page(type, List.of(body));
        }
        return new Page(type, Pattern.compile(Pattern.quote(token)).splitAsStream(
                        new String(body, StandardCharsets.UTF_8)).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList()
                // splitAsStream drops a trailing empty part; a token never ends a page, which ends in </html>.
        );
    }

    private static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] token = page.parts().size() > 1 ? formToken(request).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        response.setContentType(page.contentType());
        response.setContentLength(page.bytes() + token.length * (page.parts().size() - 1));
        var out = response.getOutputStream();
        for (int i = 0; i < page.parts().size(); i++) {
            if (i > 0) {
                out.write(token);
            }
            out.write(page.parts().get(i));
        }
    }

    /** This request's form token; null when the request has no session (a signed-out page shows no form). */
    private static String formToken(HttpServletRequest request) {
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null || request.getSession(false) == null ? null : token.getToken();
    }
}
