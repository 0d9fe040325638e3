package org.canopy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Loading plans whole or not at all, the audit history of changes, and the CSV and Excel exports. */
@CanopyDatabaseTest
class PlanLoadingAndExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    static final String PLAN = """
            format: canopy-plan/1
            title: Safeguarding Partnership Plan 2021-24
            start: 2021-04-01
            end: 2024-03-31
            groups:
              - name: Staying Safe Online
                type: PRIORITY_GROUP
            sections:
              - number: 1
                title: Staying safe online
                vision: Children are safe online.
                priorities:
                  - number: 1
                    title: Staying Safe Online
                    leadGroups: [Staying Safe Online]
                    actions:
                      - text: Build a bank of online resources young people can find
            """;

    int plans() {
        return jdbc.sql("select count(*) from plan").query(Integer.class).single();
    }

    @Test
    void anInvalidPlanFileIsRefusedWithClearErrorsAndNothingStored() throws Exception {
        int before = plans();
        int groups = jdbc.sql("select count(*) from partnership_group").query(Integer.class).single();
        String broken = PLAN.replace("leadGroups: [Staying Safe Online]", "leadGroups: [Nobody]")
                .replace("groups:\n  - name: Staying Safe Online", "groups:\n  - name: A new group");
        mvc.perform(post("/api/v1/plans").with(Requests.user("coordinator")).contentType("application/yaml").content(broken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sections[0].priorities[0].leadGroups[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("The lead group 'Nobody' is not in the file's groups list"));
        var page = mvc.perform(multipart("/admin/plans/load").file(new MockMultipartFile("file", "plan.yaml",
                "application/yaml", broken.getBytes(StandardCharsets.UTF_8))).with(csrf())
                .with(Requests.signedIn(users, "coordinator"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is a problem").contains("The lead group &#39;Nobody&#39; is not in the file&#39;s groups list")
                .contains("Nothing was loaded");
        assertThat(plans()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from partnership_group").query(Integer.class).single()).isEqualTo(groups);
    }

    @Test
    void aValidPlanLoadsWholeOnceAndIsRecordedInTheHistory() throws Exception {
        int before = plans();
        var body = mvc.perform(post("/api/v1/plans").with(Requests.user("coordinator")).contentType("application/yaml")
                .content(PLAN)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        assertThat(plans()).isEqualTo(before + 1);
        mvc.perform(get("/api/v1/plans/" + id).with(Requests.user("viewer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].priorities[0].leadGroups[0]").value("Staying Safe Online"))
                .andExpect(jsonPath("$.sections[0].priorities[0].actions.length()").value(1));
        // The same title again is refused, and nothing more is stored.
        mvc.perform(post("/api/v1/plans").with(Requests.user("coordinator")).contentType("application/yaml").content(PLAN))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
        assertThat(plans()).isEqualTo(before + 1);
        var history = mvc.perform(get("/admin/audit/plan/" + id).with(Requests.signedIn(users, "coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("Loaded plan &#39;Safeguarding Partnership Plan 2021-24&#39;").contains("coordinator");
    }

    @Test
    void everyChangeIsInTheHistoryWithBeforeAndAfter() throws Exception {
        long action = Requests.actionId(mvc, json, 14, 2);
        var created = mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"),
                "{\"period\":\"2018-19-Q4\",\"rag\":\"GREEN\",\"narrative\":\"Prevent training delivered\"}")
                .with(Requests.user("police"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long updateId = json.readTree(created).get("id").asLong();
        mvc.perform(Requests.json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/actions/" + action + "/updates/2018-19-Q4"),
                "{\"rag\":\"AMBER\",\"narrative\":\"Prevent training paused\",\"version\":0}")
                .with(Requests.user("police"))).andExpect(status().isOk());
        var rows = jdbc.sql("select actor, action, before_state, after_state from audit_event where record_type = 'action-update' and record_id = ? order by id")
                .param(String.valueOf(updateId)).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)}).list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)[0]).isEqualTo("police");
        assertThat(rows.get(0)[2]).isNull();
        assertThat(rows.get(1)[1]).isEqualTo("replaced");
        assertThat(rows.get(1)[2]).contains("Prevent training delivered");
        assertThat(rows.get(1)[3]).contains("Prevent training paused");
        var log = mvc.perform(get("/admin/audit").with(Requests.signedIn(users, "coordinator"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(log).contains("Replaced the 2018-19-Q4 update of action 14.2");
        jdbc.sql("delete from action_update").update();
    }

    @Test
    void exportsThePlanWithItsLatestStatusAsCsvAndExcel() throws Exception {
        long planId = Requests.demoPlanId(mvc, json);
        long action = Requests.actionId(mvc, json, 7, 1);
        mvc.perform(Requests.json(post("/api/v1/actions/" + action + "/updates"),
                "{\"period\":\"2018-19-Q4\",\"rag\":\"RED\",\"narrative\":\"=SUM(A1) pathfinder paused\"}")
                .with(Requests.user("health"))).andExpect(status().isCreated());
        byte[] csv = mvc.perform(get("/plans/" + planId + "/export.csv").with(Requests.signedIn(users, "viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(csv, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(records).hasSize(84);
        var row = records.stream().filter(r -> r.get("Action").equals("7.1")).findFirst().orElseThrow();
        assertThat(row.get("Action status")).isEqualTo("Red: off track");
        assertThat(row.get("Priority status")).isEqualTo("Red: off track");
        assertThat(row.get("Latest narrative")).as("formula defused").isEqualTo("'=SUM(A1) pathfinder paused");
        assertThat(row.get("Flag")).isEqualTo("Red with no corrective step");

        byte[] xlsx = mvc.perform(get("/plans/" + planId + "/export.xlsx").with(Requests.signedIn(users, "viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            // The plan's title is longer than Excel's 31 characters: its first words and its period are kept.
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Tower Hamlets Children\u2026 2016-19");
            var sheetRows = workbook.getFirstSheet().read();
            assertThat(sheetRows).hasSize(85);
            assertThat(sheetRows.get(0).getCellText(7)).isEqualTo("Action");
            var excelRow = sheetRows.stream().filter(r -> "7.1".equals(r.getCellText(7))).findFirst().orElseThrow();
            assertThat(excelRow.getCellText(10)).isEqualTo("Red: off track");
            assertThat(excelRow.getCell(3).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        }
        jdbc.sql("delete from action_update").update();
    }
}
