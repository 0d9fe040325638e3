package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.canopy.support.DatabaseAvailable;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Behind a proxy every child would share the proxy's address and one class would exhaust the tell us limit for all.
 * With production's {@code server.forward-headers-strategy=native} (application-postgres.properties) Tomcat takes the
 * client's address from {@code X-Forwarded-For} when the connection comes from a trusted proxy (a private or loopback
 * address, {@code server.tomcat.remoteip.internal-proxies}), so each child is counted by their own address. On a real
 * server: MockMvc has no Tomcat valve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"canopy.demo.enabled=true", "server.address=127.0.0.1", "server.forward-headers-strategy=native"})
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(DatabaseAvailable.class)
// Not repeated on PostgreSQL (no "database" tag): the address is the web tier's, the same on either database.
class ForwardedAddressTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private int send(String forwardedFor) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/public/feedback"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"The park by the flats needs lights\"}")).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theAddressAProxyForwardsIsTheOneCounted() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send("203.0.113.7")).isEqualTo(201);
        }
        assertThat(send("203.0.113.7")).as("the same child, over the limit").isEqualTo(429);
        assertThat(send("203.0.113.8")).as("another child behind the same proxy").isEqualTo(201);
    }
}
