package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.canopy.demo.DemoLoaded;
import org.canopy.support.DatabaseAvailable;
import org.canopy.support.Requests;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator a load balancer and an operator use: readiness only once the demo partnership is loaded (watched
 * over HTTP while it loads), health without details for anyone but an administrator, info with the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"canopy.demo.enabled=true", "server.address=127.0.0.1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(DatabaseAvailable.class)
// Not repeated on PostgreSQL (no "database" tag): what it checks is the web tier, the same on either database.
class OperationsTest {

    /** Asks the running server, as a load balancer would, while the application starts. */
    @TestConfiguration
    static class StartUpWatch {

        final Map<String, Integer> seen = new ConcurrentHashMap<>();
        private final Environment environment;

        StartUpWatch(Environment environment) {
            this.environment = environment;
        }

        /** After every module's demo records are loaded, still inside the demo transaction. */
        @EventListener
        void demoLoaded(DemoLoaded event) throws Exception {
            seen.put("readiness while loading", status("/actuator/health/readiness", null));
            seen.put("liveness while loading", status("/actuator/health/liveness", null));
            seen.put("demo sign-in while loading", status("/api/v1/plans", "viewer"));
        }

        @EventListener
        void ready(AvailabilityChangeEvent<ReadinessState> event) throws Exception {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                seen.put("demo sign-in when ready", status("/api/v1/plans", "viewer"));
                seen.put("last demo loader's data when ready", status("/api/v1/recommendations", "viewer"));
            }
        }

        private int status(String path, String username) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + environment.getProperty("local.server.port") + path));
            if (username != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)));
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StartUpWatch watch;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JsonMapper json;

    @Test
    void readinessRefusesTrafficUntilTheDemoPartnershipIsLoadedAndDemoSignInWorks() throws Exception {
        assertThat(watch.seen).containsEntry("readiness while loading", 503)
                .containsEntry("liveness while loading", 200)
                .containsEntry("demo sign-in while loading", 401)
                .containsEntry("demo sign-in when ready", 200)
                .containsEntry("last demo loader's data when ready", 200);
        var readiness = anonymous("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(anonymous("/actuator/health/liveness").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void healthShowsItsComponentsToAnAdministratorOnly() throws Exception {
        var health = anonymous("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("components").doesNotContain("details").doesNotContain("H2")
                .doesNotContain("diskSpace");
        String viewer = mvc.perform(get("/actuator/health").with(Requests.signedIn(users, "viewer"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(viewer).doesNotContain("components");
        String administrator = mvc.perform(get("/actuator/health").with(Requests.signedIn(users, "coordinator")))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(administrator).get("components").has("db")).isTrue();
        // Nothing else of the actuator is exposed.
        assertThat(anonymous("/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(mvc.perform(get("/actuator/env").with(Requests.signedIn(users, "coordinator"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void infoGivesTheVersionAndBuildTimeWithoutSignIn() throws Exception {
        var info = anonymous("/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        var build = json.readTree(info.body()).get("build");
        assertThat(build.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Instant.parse(build.get("time").asString())).isBefore(Instant.now());
        assertThat(build.get("artifact").asString()).isEqualTo("canopy");
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
