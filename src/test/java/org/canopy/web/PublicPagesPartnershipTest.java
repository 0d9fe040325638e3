package org.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.TreeSet;
import org.canopy.support.CanopyDatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Every public page (found from the handler mappings), asked without {@code ?partnership=} when Canopy holds two
 * partnerships, answers the page, or a 400 GOV.UK page saying to name the partnership: never a 500.
 */
@CanopyDatabaseTest
class PublicPagesPartnershipTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from partnership where name = 'Second public partnership'").update();
    }

    @Test
    void publicPagesWithoutAPartnershipWhenThereAreTwoAreAClearPageNotAnError() throws Exception {
        jdbc.sql("insert into partnership (name, area) values ('Second public partnership', 'Elsewhere')").update();
        String code = jdbc.sql("select min(code) from indicator where is_public").query(String.class).single();
        var pages = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/public/"))
                .filter(p -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .forEach(pages::add));
        assertThat(pages).contains("/public/indicators", "/public/tell-us", "/public/arrangements", "/public/you-said-we-did");
        for (String pattern : pages) {
            String path = pattern.replace("{year:\\d{4}-\\d{2}}", "2020-21").replace("{year}", "2020-21").replace("{code}", code);
            var result = mvc.perform(get(path).accept("text/html")).andReturn();
            int status = result.getResponse().getStatus();
            String body = HtmlUtils.htmlUnescape(result.getResponse().getContentAsString());
            assertThat(status).as(path).isLessThan(500);
            if (status == 400) {
                assertThat(body).as(path).contains("<h1 class=\"govuk-heading-l\">Canopy could not read that request</h1>")
                        .contains("?partnership=");
            }
        }
        var indicators = mvc.perform(get("/public/you-said-we-did")).andReturn();
        assertThat(indicators.getResponse().getStatus()).isEqualTo(400);
    }
}
