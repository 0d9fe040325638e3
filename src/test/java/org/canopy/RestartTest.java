package org.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** The embedded file database keeps what was stored across a restart, and demo data is loaded once. */
class RestartTest {

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void dataSurvivesARestart(@TempDir Path directory) throws Exception {
        String[] args = {"--spring.datasource.url=jdbc:h2:file:" + directory.resolve("canopy") + ";" + TestDatabase.H2_OPTIONS,
                "--server.port=0", "--canopy.demo.enabled=true", "--spring.main.banner-mode=off"};
        long actionId;
        try (var app = start(args)) {
            var plans = json.readTree(get(app, "/api/v1/plans").body());
            // The 2016-19 plan and the priorities set in 2020, made from the priority-setting round.
            assertThat(plans).hasSize(2);
            long planId = plans.valueStream().filter(p -> p.get("title").asString().endsWith("2016-19")).findFirst().orElseThrow()
                    .get("id").asLong();
            var plan = json.readTree(get(app, "/api/v1/plans/" + planId).body());
            actionId = plan.get("sections").get(1).get("priorities").get(4).get("actions").get(0).get("id").asLong();
            var response = http.send(HttpRequest.newBuilder(uri(app, "/api/v1/actions/" + actionId + "/updates"))
                    .header("Authorization", basic("health")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"period\":\"2018-19-Q4\",\"rag\":\"COMPLETE\",\"narrative\":\"Self-management leaflets issued\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(201);
        }
        try (var app = start(args)) {
            assertThat(json.readTree(get(app, "/api/v1/plans").body())).as("demo not loaded twice").hasSize(2);
            var updates = json.readTree(get(app, "/api/v1/actions/" + actionId + "/updates").body());
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0).get("narrative").asString()).isEqualTo("Self-management leaflets issued");
        }
    }

    static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(CanopyApplication.class).run(args);
    }

    HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri(app, path)).header("Authorization", basic("viewer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    static URI uri(ConfigurableApplicationContext app, String path) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
