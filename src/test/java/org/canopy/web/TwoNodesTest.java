package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.canopy.CanopyApplication;
import org.canopy.support.DatabaseAvailable;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Canopy nodes on one database, as behind a load balancer: a page one node has kept is rendered again after a
 * write through the other, because the data version lives in the database and is read on every request. Runs on
 * H2 (one in-memory database shared by both contexts) and on PostgreSQL (one schema).
 */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class TwoNodesTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final String schema = "canopy_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (TestDatabase.postgres()) {
            TestDatabase.dropSchema(schema);
        }
    }

    @Test
    void aWriteThroughOneNodeIsSeenOnTheOthersKeptPages() throws Exception {
        var first = start();
        var second = start(); // finds the demo partnership the first loaded, and loads nothing
        var viewer = signIn(second, "viewer");
        assertThat(page(viewer, second, "/dashboard")).doesNotContain("6,543");
        assertThat(page(viewer, second, "/dashboard")).doesNotContain("6,543"); // now kept on the second node

        var stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(first, "/api/v1/observations"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("indicator,period,area,value,narrative\nDOMESTIC_ABUSE_CASES,2020-21-Q3,,6543,\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);

        assertThat(page(viewer, second, "/dashboard")).contains("6,543");
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--canopy.demo.enabled=true", "--spring.main.banner-mode=off"));
        if (TestDatabase.postgres()) {
            args.addAll(List.of("--spring.datasource.url=" + TestDatabase.postgresUrl()
                            + (TestDatabase.postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "--spring.datasource.username=" + TestDatabase.postgresUser(),
                    "--spring.datasource.password=" + TestDatabase.postgresPassword(),
                    "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true"));
        } else {
            args.addAll(List.of("--spring.datasource.url=jdbc:h2:mem:" + schema + ";" + TestDatabase.H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
                    "--spring.datasource.username=sa", "--spring.datasource.password="));
        }
        var node = new SpringApplicationBuilder(CanopyApplication.class).run(args.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    /** A browser signed in on one node (sessions are the node's own), through the sign-in form. */
    private static HttpClient signIn(ConfigurableApplicationContext node, String username) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var form = browser.send(HttpRequest.newBuilder(uri(node, "/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
        var token = FORM_TOKEN.matcher(form.body());
        assertThat(token.find()).isTrue();
        String body = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var signedIn = browser.send(HttpRequest.newBuilder(uri(node, "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static String page(HttpClient browser, ConfigurableApplicationContext node, String path) throws Exception {
        var response = browser.send(HttpRequest.newBuilder(uri(node, path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) node).getWebServer().getPort() + path);
    }
}
