package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page asks the browser to fetch is there: stylesheets and everything they reference, the favicon. */
@CanopyDatabaseTest
class PageAssetsTest {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");
    private static final Pattern ICON = Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    /** Pages of every module, signed in, and the pages anyone may see. */
    private static final List<String> SIGNED_IN_PAGES = List.of("/", "/plans", "/my-updates", "/dashboard", "/learning",
            "/learning/action-plan", "/groups", "/admin", "/admin/plans/load", "/no-such-page");
    private static final List<String> PUBLIC_PAGES = List.of("/sign-in", "/accessibility", "/public/indicators");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void everyStylesheetAndEverythingItReferencesAnswersAndNoFontFaceIsDeclared() throws Exception {
        Set<String> stylesheets = new LinkedHashSet<>();
        Set<String> icons = new LinkedHashSet<>();
        for (var page : pages()) {
            String html = mvc.perform(page).andReturn().getResponse().getContentAsString();
            stylesheets.addAll(all(STYLESHEET, html));
            icons.addAll(all(ICON, html));
        }
        assertThat(stylesheets).contains("/assets/css/govuk-frontend.min.css", "/assets/css/canopy.css");
        for (String stylesheet : stylesheets) {
            var response = mvc.perform(get(stylesheet)).andReturn().getResponse();
            assertThat(response.getStatus()).as(stylesheet).isEqualTo(200);
            String css = response.getContentAsString();
            // The GOV.UK Transport font and the crest are for GOV.UK services only.
            assertThat(css).as(stylesheet).doesNotContain("@font-face").doesNotContain("GDS Transport")
                    .doesNotContain("govuk-crest");
            for (String url : all(URL, css)) {
                if (url.startsWith("data:")) {
                    continue;
                }
                String path = UriComponentsBuilder.fromUriString(stylesheet).build().toUri().resolve(url).getPath();
                assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                        .as("%s, referenced by %s", path, stylesheet).isEqualTo(200);
            }
        }
        assertThat(icons).isNotEmpty();
        for (String icon : icons) {
            var response = mvc.perform(get(icon)).andReturn().getResponse();
            assertThat(response.getStatus()).as(icon).isEqualTo(200);
            assertThat(response.getContentType()).as(icon).startsWith("image/");
        }
        // Asked for by name whatever the page links.
        assertThat(mvc.perform(get("/favicon.ico")).andReturn().getResponse().getContentType()).isEqualTo("image/x-icon");
    }

    /** The compiled stylesheet must match the WebJar whose JavaScript the layout runs (tools/build-govuk-css.sh). */
    @Test
    void theBuiltStylesheetIsTheWebJarsVersionOfGovUkFrontend() throws Exception {
        var webjar = new Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
            webjar.load(in);
        }
        String css = mvc.perform(get("/assets/css/govuk-frontend.min.css")).andReturn().getResponse().getContentAsString();
        assertThat(css).startsWith("/*! GOV.UK Frontend " + webjar.getProperty("version") + " ")
                .contains("--govuk-frontend-version: \"" + webjar.getProperty("version") + "\"");
    }

    @Test
    void pagesSendReferrerAndPermissionsPolicies() throws Exception {
        for (var page : pages()) {
            var response = mvc.perform(page).andReturn().getResponse();
            assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.getHeader("Permissions-Policy")).contains("camera=()").contains("geolocation=()")
                    .contains("microphone=()");
        }
    }

    private List<MockHttpServletRequestBuilder> pages() {
        var pages = new ArrayList<MockHttpServletRequestBuilder>();
        SIGNED_IN_PAGES.forEach(p -> pages.add(get(p).with(Requests.signedIn(users, "coordinator"))));
        PUBLIC_PAGES.forEach(p -> pages.add(get(p)));
        return pages;
    }

    private static List<String> all(Pattern pattern, String text) {
        var found = new ArrayList<String>();
        var m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
