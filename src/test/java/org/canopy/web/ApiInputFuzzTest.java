package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed bodies sent to every POST, PUT and PATCH of the API, found from the handler mappings (a new endpoint
 * without an entry here fails the test): wrong types, huge numbers, 1e300, nulls, lists where objects belong, NUL
 * bytes and lone surrogates. None may answer 5xx; a 400 is a problem detail naming the field; a client's mistake
 * leaves no stack trace in the log.
 */
@CanopyDatabaseTest
@ExtendWith(OutputCaptureExtension.class)
// A context (and so a database) of its own: the fuzz stores what it may (a draft submission, escalations, incidents),
// which other tests of the shared context do not expect.
@TestPropertySource(properties = "canopy.test.isolated=api-fuzz")
class ApiInputFuzzTest {

    /** Values that are wrong for (nearly) every field: text fields take numbers, so these are the ones to refuse. */
    static final List<String> BAD_VALUES = List.of("{\"a\": 1}", "[1, 2]", "[{}]", "99999999999999999999", "1e300", "-1e300",
            "\"not a number\"", "true", "\"a\\u0000b\"", "\"lone \\ud800 surrogate\"", "\"\"");

    /** Bodies that are wrong as a whole. */
    static final List<String> BAD_BODIES = List.of("[]", "null", "\"text\"", "1e300", "99999999999999999999", "{", "{\"a\":",
            "[[[]]]", "{}", "true");

    /** Builds the bodies: the application's mapper refuses the NUL and lone surrogates these send. */
    static final JsonMapper PLAIN = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One endpoint: who sends, the address with real ids, a body the endpoint takes (strict: valid as it stands). */
    record Endpoint(String user, HttpMethod method, String url, String base, boolean strict) {
    }

    private final AtomicInteger address = new AtomicInteger();

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Map<String, Endpoint> endpoints() throws Exception {
        long group = id("select min(id) from partnership_group");
        long risk = id("select min(id) from risk where status <> 'CLOSED'");
        long action = id("select min(id) from plan_action");
        long round = id("select min(id) from data_round");
        long council = id("select agency_id from canopy_user where username = 'council'");
        long session = session();
        long partnership = id("select partnership_id from canopy_user where username = 'coordinator'");
        long riskVersion = id("select version from risk where id = " + risk);
        var creating = mvc.perform(Requests.json(request(HttpMethod.POST, "/api/v1/incidents"),
                "{\"pseudonym\": \"Child K\", \"awareDate\": \"2026-11-02\", \"summary\": \"A summary for the fuzz test\", \"criteria\": [\"LOOKED_AFTER_CHILD\"]}")
                .with(Requests.user("coordinator"))).andReturn().getResponse();
        String created = creating.getContentAsString();
        assertThat(creating.getStatus()).as(created).isEqualTo(201);
        long incident = json.readTree(created).get("id").asLong();
        var e = new LinkedHashMap<String, Endpoint>();
        e.put("POST /api/v1/training/sessions/{id}/attendance", new Endpoint("coordinator", HttpMethod.POST,
                "/api/v1/training/sessions/" + session + "/attendance", "[{\"bookingId\": 1, \"attendance\": \"ATTENDED\"}]", false));
        e.put("POST /api/v1/groups/{id}/meetings", new Endpoint("coordinator", HttpMethod.POST, "/api/v1/groups/" + group + "/meetings",
                "{\"date\": \"2027-03-01\"}", true));
        e.put("POST /api/v1/escalations", new Endpoint("coordinator", HttpMethod.POST, "/api/v1/escalations",
                "{\"fromGroupId\": " + group + ", \"subject\": \"Fuzzed subject\", \"reason\": \"Fuzzed reason\"}", true));
        e.put("POST /api/v1/risks/{id}/reviews", new Endpoint("coordinator", HttpMethod.POST, "/api/v1/risks/" + risk + "/reviews",
                "{\"reviewedOn\": \"2026-11-01\", \"note\": \"Reviewed\", \"likelihood\": 2, \"impact\": 3, \"version\": " + riskVersion + "}", true));
        e.put("POST /api/v1/public/feedback", new Endpoint(null, HttpMethod.POST, "/api/v1/public/feedback",
                "{\"message\": \"The buses at night are late\", \"ageBand\": \"AGE_14_15\", \"partnership\": " + partnership + "}", true));
        e.put("POST /api/v1/plans", new Endpoint("coordinator", HttpMethod.POST, "/api/v1/plans",
                "{\"format\": \"canopy-plan/1\", \"title\": \"Fuzzed plan\"}", false));
        e.put("POST /api/v1/actions/{id}/updates", new Endpoint("coordinator", HttpMethod.POST, "/api/v1/actions/" + action + "/updates",
                "{\"period\": \"2016-17-Q1\", \"rag\": \"GREEN\", \"narrative\": \"On track\"}", false));
        e.put("PUT /api/v1/actions/{id}/updates/{period}", new Endpoint("coordinator", HttpMethod.PUT,
                "/api/v1/actions/" + action + "/updates/2016-17-Q1", "{\"rag\": \"GREEN\", \"narrative\": \"On track\", \"version\": 0}", false));
        e.put("POST /api/v1/observations", new Endpoint("coordinator", HttpMethod.POST, "/api/v1/observations?dryRun=true",
                "[{\"indicator\": \"X\", \"period\": \"2020-21\", \"area\": \"\", \"value\": \"5\", \"narrative\": \"\"}]", false));
        e.put("PUT /api/v1/data-rounds/{id}/submission", new Endpoint("coordinator", HttpMethod.PUT,
                "/api/v1/data-rounds/" + round + "/submission?agency=" + council, "{\"overallNarrative\": \"A quiet quarter\", \"submit\": false}", true));
        e.put("POST /api/v1/funding/years/{year}/received", new Endpoint("coordinator", HttpMethod.POST,
                "/api/v1/funding/years/2020-21/received", "{\"agencyId\": " + council + ", \"received\": \"100.00\"}", false));
        e.put("POST /api/v1/challenges", new Endpoint("scrutineer", HttpMethod.POST, "/api/v1/challenges",
                "{\"toGroupId\": " + group + ", \"text\": \"How do you know?\", \"responseDue\": \"2027-01-31\"}", true));
        e.put("POST /api/v1/incidents", new Endpoint("coordinator", HttpMethod.POST, "/api/v1/incidents",
                "{\"pseudonym\": \"Child K\", \"awareDate\": \"2026-11-02\", \"summary\": \"A summary for the fuzz test\", \"criteria\": [\"LOOKED_AFTER_CHILD\"]}", true));
        e.put("PATCH /api/v1/incidents/{id}", new Endpoint("coordinator", HttpMethod.PATCH, "/api/v1/incidents/" + incident,
                "{\"summary\": \"A changed summary for the fuzz test\", \"version\": 0}", true));
        return e;
    }

    private long session() {
        var sessions = jdbc.sql("select id from training_session order by id").query(Long.class).list();
        if (!sessions.isEmpty()) {
            return sessions.get(0);
        }
        jdbc.sql("""
                insert into training_session (partnership_id, course_id, starts_at, place, capacity, created_by)
                select partnership_id, id, timestamp '2027-02-01 10:00:00', 'Online', 20, 'fuzz' from training_course
                 where id = (select min(id) from training_course)""").update();
        return id("select min(id) from training_session");
    }

    /** Every POST, PUT and PATCH under /api/, as "METHOD pattern". */
    private List<String> writes() {
        var found = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
                .forEach(p -> info.getMethodsCondition().getMethods().stream()
                        .filter(m -> m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.PATCH)
                        .forEach(m -> found.add(m + " " + p.replace("{year:\\d{4}-\\d{2}}", "{year}")))));
        return List.copyOf(found);
    }

    private MvcResult send(Endpoint endpoint, String body) throws Exception {
        var request = Requests.json(request(endpoint.method(), endpoint.url()), body);
        if (endpoint.user() != null) {
            request.with(Requests.user(endpoint.user()));
        }
        int n = address.incrementAndGet();
        // Each public message from its own address, so that the sending limit does not hide what the body does.
        request.with(r -> {
            r.setRemoteAddr("10.9." + (n / 250) + "." + (n % 250 + 1));
            return r;
        });
        return mvc.perform(request).andReturn();
    }

    /** The body as the report can show it: control characters and surrogates escaped. */
    private static String shown(String body) {
        var out = new StringBuilder();
        body.chars().forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private List<String> fields(MvcResult result) throws Exception {
        var problem = json.readTree(result.getResponse().getContentAsString());
        var names = new ArrayList<String>();
        problem.path("errors").forEach(error -> names.add(error.path("field").asString("")));
        return names;
    }

    private void check(List<String> failures, String name, Endpoint endpoint, String body, String mutated) throws Exception {
        MvcResult result;
        try {
            result = send(endpoint, body);
        } catch (jakarta.servlet.ServletException e) {
            // What MockMvc rethrows is what a server answers with 500.
            failures.add(name + " with " + shown(body) + " threw " + e.getCause());
            return;
        }
        int status = result.getResponse().getStatus();
        String what = name + " with " + shown(body);
        if (status >= 500) {
            failures.add(what + " answered " + status);
            return;
        }
        if (status < 400) {
            return;
        }
        String type = result.getResponse().getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(what + " answered " + status + " as " + type + ", not problem details");
            return;
        }
        if (status == 400) {
            var named = fields(result);
            if (named.isEmpty() || named.stream().anyMatch(String::isBlank)) {
                failures.add(what + " answered 400 without naming a field: " + result.getResponse().getContentAsString());
            } else if (mutated != null && endpoint.strict() && named.stream().noneMatch(f -> f.contains(mutated))) {
                failures.add(what + " answered 400 naming " + named + ", not " + mutated);
            }
        }
    }

    @Test
    void everyWriteOfTheApiAnswersMalformedInputWithA400NamingTheFieldAndNoStackTrace(CapturedOutput output) throws Exception {
        var endpoints = endpoints();
        assertThat(endpoints.keySet()).as("an entry here for every write of the API").containsExactlyInAnyOrderElementsOf(writes());
        var failures = new ArrayList<String>();
        for (var entry : endpoints.entrySet()) {
            var endpoint = entry.getValue();
            for (String body : BAD_BODIES) {
                if (endpoint.method() == HttpMethod.PATCH && body.equals("{}")) {
                    continue; // a patch changing nothing is a patch
                }
                check(failures, entry.getKey(), endpoint, body, null);
            }
            JsonNode base = PLAIN.readTree(endpoint.base());
            ObjectNode object = (ObjectNode) (base.isArray() ? base.get(0) : base);
            for (String field : new ArrayList<>(object.propertyNames())) {
                for (String bad : BAD_VALUES) {
                    ObjectNode mutated = object.deepCopy();
                    mutated.set(field, PLAIN.readTree(bad));
                    String body = base.isArray() ? "[" + mutated + "]" : mutated.toString();
                    // true is a fair value of a flag ("submit") and fair text: what it leads to may be another field's problem.
                    check(failures, entry.getKey(), endpoint, body, bad.equals("true") ? null : field);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(output.getAll()).as("no stack trace for a client's mistake").doesNotContain("\tat org.").doesNotContain("Exception:");
    }

    private JsonNode problem(MvcResult result) throws Exception {
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void theFindingsOfTheSecurityReviewAreEachA400NamingTheField(CapturedOutput output) throws Exception {
        var endpoints = endpoints();
        var feedback = endpoints.get("POST /api/v1/public/feedback");
        var huge = send(feedback, "{\"message\": \"The buses are late\", \"partnership\": 99999999999999999999}");
        assertThat(huge.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(huge).get("errors").get(0).get("field").asString()).isEqualTo("partnership");
        var object = send(feedback, "{\"message\": {\"text\": \"hello\"}}");
        assertThat(object.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(object).get("errors").get(0).get("field").asString()).isEqualTo("message");
        assertThat(problem(object).get("detail").asString()).isEqualTo("\"message\" must be text, not an object");

        var review = endpoints.get("POST /api/v1/risks/{id}/reviews");
        for (String version : List.of("\"abc\"", "99999999999999999999", "1e300")) {
            var result = send(review, "{\"reviewedOn\": \"2026-11-01\", \"note\": \"Reviewed\", \"version\": " + version + "}");
            assertThat(result.getResponse().getStatus()).as(version).isEqualTo(400);
            assertThat(problem(result).get("errors").get(0).get("field").asString()).as(version).isEqualTo("version");
        }

        var escalation = endpoints.get("POST /api/v1/escalations");
        var typed = send(escalation, "{\"fromGroupId\": 1e300, \"subject\": \"A subject\", \"reason\": \"A reason\"}");
        assertThat(typed.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(typed).get("errors").get(0).get("field").asString()).isEqualTo("fromGroupId");
        var malformed = send(escalation, "{\"fromGroupId\": ");
        assertThat(problem(malformed).get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(problem(malformed).get("detail").asString()).startsWith("The request body is not valid JSON");

        var submission = endpoints.get("PUT /api/v1/data-rounds/{id}/submission");
        for (String body : List.of("[]", "null", "{}")) {
            var result = send(submission, body);
            assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
            assertThat(problem(result).get("errors").get(0).get("field").asString()).as(body).isIn("body", "figures");
        }
        var agency = mvc.perform(request(HttpMethod.GET, "/api/v1/data-rounds/1/submission?agency=abc").with(Requests.user("coordinator")))
                .andReturn();
        assertThat(agency.getResponse().getStatus()).isEqualTo(400);
        assertThat(problem(agency).get("errors").get(0).get("field").asString()).isEqualTo("agency");
        assertThat(output.getAll()).doesNotContain("\tat org.").doesNotContain("Exception:");
    }
}
