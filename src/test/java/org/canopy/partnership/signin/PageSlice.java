package org.canopy.partnership.signin;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.Role;
import org.canopy.partnership.accounts.Partnerships;
import org.canopy.partnership.demo.DemoSettings;
import org.canopy.web.Dates;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of a page needs besides its controller: the layout's navigation advice (with the
 * partnership's name from a mock rather than the database, the demo setting and one module's navigation entry)
 * and the {@code @dates} helper the templates call.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(Dates.class)
@org.springframework.boot.context.properties.EnableConfigurationProperties(DemoSettings.class)
public class PageSlice {

    /** The partnership name every sliced page shows in its service navigation. */
    public static final String PARTNERSHIP = "Sliced Safeguarding Children Partnership";

    @Bean
    Partnerships partnerships() {
        Partnerships partnerships = mock(Partnerships.class);
        when(partnerships.name(anyLong())).thenReturn(PARTNERSHIP);
        return partnerships;
    }

    /** Pages revalidate against the partnership's data version; a slice has no changes, so it stays at 0. */
    @Bean
    org.canopy.partnership.DataVersion dataVersion() {
        return new org.canopy.partnership.DataVersion() {
            @Override
            public long current(long partnershipId) {
                return 0L;
            }

            @Override
            public long everyPartnership() {
                return 0L;
            }
        };
    }

    /** One module's navigation entry, as every module contributes its own. */
    @Bean
    org.canopy.partnership.ServicePages slicedPage() {
        return org.canopy.partnership.ServicePages.entry(30, "Data", "/dashboard", "/dashboard", "/data");
    }

    /** A signed-in person of partnership 1 with {@code role}, for {@code SecurityMockMvcRequestPostProcessors.user}. */
    public static CanopyUser person(Role role, Long agencyId) {
        return new CanopyUser(7, 1, "sliced", "Sam Sliced", role, agencyId, agencyId == null ? null : "Agency " + agencyId,
                true, false, "{noop}unused");
    }
}
