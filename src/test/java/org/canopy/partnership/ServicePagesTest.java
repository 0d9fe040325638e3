package org.canopy.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The service navigation and the open paths come from each module's own declaration. */
@CanopyDatabaseTest
class ServicePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    String navigation(String user, String path) throws Exception {
        String page = mvc.perform(get(path).with(Requests.signedIn(users, user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var nav = page.substring(page.indexOf("id=\"navigation\""), page.indexOf("</ul>", page.indexOf("id=\"navigation\"")));
        var links = Pattern.compile("<a [^>]*>(.*?)</a>", Pattern.DOTALL).matcher(nav).results()
                .map(r -> r.group(1).replaceAll("<[^>]+>", "").strip()).toList();
        var current = Pattern.compile("aria-current=\"page\">(.*?)</a>", Pattern.DOTALL).matcher(nav).results()
                .map(r -> r.group(1).replaceAll("<[^>]+>", "").strip()).toList();
        return String.join(", ", links) + " | " + String.join(", ", current);
    }

    @Test
    void eachModuleContributesItsEntryInOrder() throws Exception {
        assertThat(navigation("viewer", "/dashboard")).isEqualTo("Plans, My updates, Data, Learning, Children&#39;s voice, Arrangements, Executive, Groups, Scrutiny, Risks, Funding, Training | Data");
        assertThat(navigation("coordinator", "/data/quality"))
                .isEqualTo("Plans, My updates, Data, Learning, Children&#39;s voice, Arrangements, Executive, Groups, Scrutiny, Risks, Funding, Training, Administration | Data");
        assertThat(navigation("viewer", "/plans")).endsWith("| Plans");
    }

    @Test
    void theOpenPathsAreTheModulesOwn() throws Exception {
        mvc.perform(get("/public/indicators")).andExpect(status().isOk());
        // Anything a module did not open still asks for sign-in.
        mvc.perform(get("/learning/deadlines")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/data/quality")).andExpect(status().is3xxRedirection());
    }
}
