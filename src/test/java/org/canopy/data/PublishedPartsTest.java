package org.canopy.data;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Secondary suppression in the published view: child protection plans by category as parts of all plans.
 * The figures are made up for the test (none of them is demo data).
 */
@CanopyDatabaseTest
class PublishedPartsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    static String indicator(String code, String partOf, boolean isPublic, int value) {
        return """
                  - code: "%s"
                    name: "Test plans %s"
                    unit: COUNT
                    polarity: NEUTRAL
                    frequency: ANNUAL
                    public: %s
                %s    observations: [{period: "2021-22", area: "Tower Hamlets", value: %d}]
                """.formatted(code, code, isPublic, partOf == null ? "" : "    partOf: \"" + partOf + "\"\n", value);
    }

    void load(boolean physicalPublic) throws Exception {
        String file = "format: canopy-indicators/1\nareas:\n  - {name: \"Tower Hamlets\", kind: LOCAL_AUTHORITY}\nindicators:\n"
                + indicator("T_ALL", null, true, 235) + indicator("T_NEGLECT", "T_ALL", true, 180)
                + indicator("T_EMOTIONAL", "T_ALL", true, 50) + indicator("T_PHYSICAL", "T_ALL", physicalPublic, 3)
                + indicator("T_SEXUAL", "T_ALL", true, 2);
        mvc.perform(multipart("/admin/indicators/load")
                        .file(new MockMultipartFile("file", "parts.yaml", "application/yaml", file.getBytes(StandardCharsets.UTF_8)))
                        .with(Requests.signedIn(users, "coordinator")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from observation where indicator_id in (select id from indicator where code like 'T\\_%' escape '\\')").update();
        jdbc.sql("delete from indicator where code like 'T\\_%' escape '\\'").update();
    }

    void published(String code, Object value) throws Exception {
        mvc.perform(get("/api/v1/public/indicators/" + code + "/series")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].value").value(value));
    }

    @Test
    void aPartThatWouldRevealTheSuppressedOnesIsSuppressedToo() throws Exception {
        load(true);
        // Primary: physical 3 and sexual 2 are c. Their sum, 235 - 180 - 50 = 5, would itself be a small
        // count, so the smallest published part (emotional abuse, 50) is suppressed as well: then the three
        // hidden parts add up to 55, which tells no single one.
        published("T_ALL", 235);
        published("T_NEGLECT", 180);
        published("T_EMOTIONAL", "c");
        published("T_PHYSICAL", "c");
        published("T_SEXUAL", "c");
        mvc.perform(get("/public/indicators")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Test plans T_EMOTIONAL")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(">50<"))));
        // Signed in, the figures are shown as they are.
        mvc.perform(get("/api/v1/indicators/T_EMOTIONAL/series").with(Requests.user("viewer"))).andExpect(jsonPath("$[0].value").value(50));
    }

    @Test
    void aPartThatIsNotPublishedCountsAsHidden() throws Exception {
        load(false);
        // Physical abuse is not public (unknown to readers) and sexual abuse (2) is c: two hidden parts adding to
        // 5 are still too few, so emotional abuse is suppressed again.
        published("T_EMOTIONAL", "c");
        published("T_SEXUAL", "c");
        mvc.perform(get("/api/v1/public/indicators/T_PHYSICAL/series")).andExpect(status().isNotFound());
    }
}
