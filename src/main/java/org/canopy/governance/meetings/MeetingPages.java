package org.canopy.governance.meetings;

import java.time.LocalDate;
import java.util.List;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupSummary;
import org.canopy.web.Dates;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A group's page lists its next meeting (or a link to its meetings when none is scheduled), through {@link GroupBusiness}. */
@Configuration
class MeetingPages {

    @Bean
    GroupBusiness nextMeeting(Meetings meetings, Dates dates) {
        return (partnershipId, group, day) -> next(meetings, dates, partnershipId, group, day);
    }

    private static List<BusinessEntry> next(Meetings meetings, Dates dates, long partnershipId, GroupSummary group, LocalDate day) {
        // Always one entry, so the group's page links to its meetings, its action list and its agendas.
        return List.of(meetings.next(partnershipId, group.id(), day).map(m -> new BusinessEntry("NEXT_MEETING", "Meetings",
                "Next meeting: " + dates.date(m.meetingDate()) + (m.startsAt() == null ? "" : " at " + m.startsAt())
                        + (m.place() == null ? "" : ", " + m.place()), "Its agenda, papers and attendance", "/meetings/" + m.id(),
                null, false, group.id()))
                .orElse(new BusinessEntry("NO_MEETING", "Meetings", "No meeting scheduled", "The group's meetings and action list",
                        "/groups/" + group.id() + "/meetings", null, false, group.id())));
    }
}
