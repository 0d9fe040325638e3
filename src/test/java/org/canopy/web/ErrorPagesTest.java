package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.canopy.support.DatabaseAvailable;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a browser and an API client see when something goes wrong. On a real server: MockMvc neither renders the
 * error page after a sendError nor enforces the upload limit. The limit is lowered here to show that the pages
 * say the configured limit, not a number written into them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"canopy.demo.enabled=true", "server.address=127.0.0.1", "spring.servlet.multipart.max-file-size=2MB"})
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(DatabaseAvailable.class)
// Not repeated on PostgreSQL (no "database" tag): what it checks is the web tier, the same on either database.
class ErrorPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Test
    void anUnknownAddressOrABadParameterIsAGovUkPageWithTheNavigation() throws Exception {
        var browser = signedIn("coordinator");
        var unknown = get(browser, "/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<h1 class=\"govuk-heading-l\">Page not found</h1>")
                .contains("If you typed the web address, check it is correct.")
                .contains("Partnership coordinator") // the navigation: the person can carry on from here
                .doesNotContain("\"status\"");
        var missingRecord = get(browser, "/actions/99999999");
        assertThat(missingRecord.statusCode()).isEqualTo(404);
        assertThat(missingRecord.body()).contains("Page not found").contains("Partnership coordinator");
        for (String path : new String[] {"/actions/abc", "/dashboard?priority=abc"}) {
            var bad = get(browser, path);
            assertThat(bad.statusCode()).as(path).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(bad.body()).as(path).contains("<h1 class=\"govuk-heading-l\">Canopy could not read that request</h1>")
                    .contains("If you typed or changed the web address, check it is correct.");
        }
    }

    @Test
    void aFormSentAfterTheSessionEndedSaysSoAndAsksToSignInAgain() throws Exception {
        var browser = signedIn("coordinator");
        String token = csrf(get(browser, "/admin/users/new").body());
        // The server no longer knows the session: it expired, or the person signed out in another tab.
        var sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/admin/users")).header("Accept", HTML)
                .header("Cookie", "JSESSIONID=ENDED0123456789").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=late&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(403);
        assertThat(sent.body()).contains("<h1 class=\"govuk-heading-l\">Your session has ended</h1>")
                .contains("Canopy did not save what you sent.").contains("href=\"/sign-in\"")
                .doesNotContain("You cannot see this page")
                .doesNotContain(";jsessionid="); // its stylesheet links would be refused, and the page unstyled

        // A refusal is not a session that ended.
        var refused = get(signedIn("viewer"), "/admin");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You cannot see this page").doesNotContain("Your session has ended");
    }

    @Test
    void everyUploadFieldSaysTheConfiguredLimitAndAFileOverItIsAPageSayingSo() throws Exception {
        var browser = signedIn("coordinator");
        for (String path : new String[] {"/dashboard/import", "/admin/plans/load", "/admin/indicators/load"}) {
            assertThat(get(browser, path).body()).as(path)
                    .contains("<div class=\"govuk-hint\" id=\"file-hint\">The file must be no larger than 2MB.</div>")
                    .contains("aria-describedby=\"file-hint\"");
        }
        String token = csrf(get(browser, "/dashboard/import").body());
        var tooLarge = browser.send(multipart(uri("/dashboard/import"), token, 3 * 1024 * 1024).header("Accept", HTML).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("<h1 class=\"govuk-heading-l\">The file is too large</h1>")
                .contains("The file must be no larger than 2MB. Nothing was loaded.");
    }

    @Test
    void anApiClientKeepsProblemDetailsForTheSameCases() throws Exception {
        var api = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8));
        var unknown = api.send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing")).header("Authorization", basic)
                .header("Accept", HTML).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(unknown, 404, "Not Found");
        var bad = api.send(HttpRequest.newBuilder(uri("/api/v1/actions/abc/updates")).header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(bad, 400, "Invalid input");
        assertThat(bad.body()).contains("\"field\":\"id\"").contains("must be a whole number, not 'abc'");
        var tooLarge = api.send(multipart(uri("/api/v1/observations"), null, 3 * 1024 * 1024).header("Authorization", basic)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(tooLarge, 413, "Content Too Large");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains("\"title\":\"" + title + "\"")
                .doesNotContain("<html");
    }

    /** A browser's cookie jar, signed in through the sign-in form. */
    private HttpClient signedIn(String username) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(get(client, "/sign-in").body());
        var form = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        var response = client.send(HttpRequest.newBuilder(uri("/sign-in")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/");
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        var m = CSRF.matcher(page);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    /** A form with one file of {@code size} bytes (and the CSRF token, for a page). */
    private static HttpRequest.Builder multipart(URI uri, String token, int size) {
        String boundary = "canopy-test-boundary";
        var body = new ByteArrayOutputStream();
        if (token != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"figures.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[size]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
