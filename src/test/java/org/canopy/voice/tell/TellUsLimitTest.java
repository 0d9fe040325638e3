package org.canopy.voice.tell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The tell us limit holds under concurrency (40 messages at once from one address: 20 kept, 20 told to wait), and
 * without the production forwarded-header setting an {@code X-Forwarded-For} header is ignored, so a sender cannot
 * spoof another address to escape the limit ({@link ForwardedAddressTest} is the other half).
 */
@CanopyDatabaseTest
class TellUsLimitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SendingLimit limit;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from public_message").update();
        jdbc.sql("delete from outbox_message where created_by = 'tell us page'").update();
        limit.forgetAll();
    }

    private int send(String remote, String forwardedFor) throws Exception {
        var request = Requests.json(post("/api/v1/public/feedback"), "{\"message\": \"The park by the flats needs lights\"}")
                .with(r -> {
                    r.setRemoteAddr(remote);
                    return r;
                });
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void fortyMessagesAtOnceKeepTwentyAndTellTwentyToWait() throws Exception {
        var pool = Executors.newFixedThreadPool(40);
        var answers = new ArrayList<Future<Integer>>();
        try {
            var start = new CountDownLatch(1);
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return send("198.51.100.40", null);
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(20);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(20);
            assertThat(jdbc.sql("select count(*) from public_message").query(Integer.class).single()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutTheForwardedHeaderSettingTheHeaderIsIgnored() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send("198.51.100.41", "203.0.113." + i)).isEqualTo(201);
        }
        // Twenty different "children" by the header, one address by the connection: the connection's is counted.
        assertThat(send("198.51.100.41", "203.0.113.99")).isEqualTo(429);
        assertThat(send("198.51.100.42", "203.0.113.99")).isEqualTo(201);
    }
}
