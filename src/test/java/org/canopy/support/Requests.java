package org.canopy.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Shared helpers for integration tests against the demo partnership. */
public final class Requests {

    /** The demo accounts of API.md. */
    public static final List<String> DEMO_USERS =
            List.of("coordinator", "executive", "police", "health", "council", "chair", "scrutineer", "viewer");

    private Requests() {
    }

    /** Signs a request in as a demo user with HTTP Basic (a real sign-in through the filter chain). */
    public static RequestPostProcessor user(String username) {
        return httpBasic(username, "demo");
    }

    /** Signs a page request in as a demo user, as form sign-in would leave the session. */
    public static RequestPostProcessor signedIn(UserDetailsService users, String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    public static long demoPlanId(MockMvc mvc, JsonMapper json) throws Exception {
        var body = mvc.perform(get("/api/v1/plans").with(user("viewer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).valueStream()
                .filter(p -> p.get("title").asString().equals("Tower Hamlets Children and Families Plan 2016-19"))
                .findFirst().orElseThrow().get("id").asLong();
    }

    public static JsonNode plan(MockMvc mvc, JsonMapper json, String username) throws Exception {
        long id = demoPlanId(mvc, json);
        var body = mvc.perform(get("/api/v1/plans/" + id).with(user(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    /** The demo action id for priority {@code number}'s {@code position}th action. */
    public static long actionId(MockMvc mvc, JsonMapper json, int priority, int position) throws Exception {
        var plan = plan(mvc, json, "viewer");
        return plan.get("sections").valueStream().flatMap(s -> s.get("priorities").valueStream())
                .filter(p -> p.get("number").asInt() == priority).findFirst().orElseThrow()
                .get("actions").get(position - 1).get("id").asLong();
    }

    /** Fills a GOV.UK date input ({@code <name>-day}, {@code -month}, {@code -year}) as a person would, from an ISO date. */
    public static RequestPostProcessor date(String name, String iso) {
        return request -> {
            var parts = iso.split("-");
            request.addParameter(name + "-day", String.valueOf(Integer.parseInt(parts[2])));
            request.addParameter(name + "-month", String.valueOf(Integer.parseInt(parts[1])));
            request.addParameter(name + "-year", parts[0]);
            return request;
        };
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
