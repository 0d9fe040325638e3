package org.canopy.audit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.canopy.partnership.signin.PageSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The change history page rendered by its controller and template alone, the log mocked. */
@WebMvcTest(AuditController.class)
@Import(PageSlice.class)
class AuditPagesSliceTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AuditLog log;
    @MockitoBean
    People people;

    @Test
    void theHistoryNamesWhoChangedWhatAndPagesOnwards() {
        var entry = new AuditLog.Entry(1, LocalDateTime.of(2021, 3, 4, 10, 15), "coordinator", "priority", "9",
                "updated", "Priority 9 renamed", "{\"title\":\"Early help\"}", null);
        when(log.count(1)).thenReturn(51L);
        when(log.recent(1, AuditController.PAGE_SIZE, 0)).thenReturn(List.of(entry));
        when(people.displayNames(1)).thenReturn(Map.of("coordinator", "Partnership coordinator"));

        var result = mvc.get().uri("/admin/audit").with(user(PageSlice.person(Role.ADMINISTRATOR, null))).exchange();

        assertThat(result).hasStatusOk().hasViewName("audit/log");
        assertThat(result).bodyText()
                .contains("51 changes recorded, newest first.")
                .contains("Partnership coordinator")
                .contains("Priority 9 renamed")
                .contains("href=\"/admin/audit/priority/9\"")
                .contains("{&quot;title&quot;:&quot;Early help&quot;}")
                .doesNotContain("<strong>After:</strong>")
                .contains("href=\"/admin/audit?page=2\"")
                .doesNotContain("rel=\"prev\"");
    }
}
