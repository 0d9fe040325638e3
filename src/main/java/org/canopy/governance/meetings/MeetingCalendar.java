package org.canopy.governance.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.ICalendar;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's meetings as an iCalendar feed (RFC 5545): the meetings of the groups they belong to, from 90 days ago on,
 * read with the API's credentials. A meeting with a start time is written in UTC; one without is an all-day event.
 */
@RestController
class MeetingCalendar {

    static final int DAYS_BACK = 90;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Meetings meetings;
    private final Groups groups;
    private final Clock clock;

    MeetingCalendar(Meetings meetings, Groups groups, Clock clock) {
        this.meetings = meetings;
        this.groups = groups;
        this.clock = clock;
    }

    @GetMapping("/api/v1/meetings/calendar.ics")
    ResponseEntity<String> calendar(@AuthenticationPrincipal CanopyUser user) {
        var ids = groups.groupIdsOf(user.id()).stream().filter(id -> groups.mayRead(user, id)).toList();
        Map<Long, String> names = groups.byIds(user.partnershipId(), ids).stream()
                .collect(Collectors.toMap(GroupSummary::id, GroupSummary::name));
        var mine = meetings.ofGroups(user.partnershipId(), names.keySet(), meetings.today().minusDays(DAYS_BACK));
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(ics(mine, names, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
    }

    String ics(List<Meetings.Meeting> mine, Map<Long, String> groupNames, String baseUrl) {
        var calendar = new ICalendar("Group meetings", "My group meetings");
        String stamp = STAMP.format(LocalDateTime.now(clock).atOffset(ZoneOffset.UTC));
        for (var m : mine) {
            calendar.line("BEGIN:VEVENT");
            calendar.line("UID:meeting-" + m.id() + "@canopy");
            calendar.line("DTSTAMP:" + stamp);
            if (m.startsAt() == null) {
                calendar.line("DTSTART;VALUE=DATE:" + DAY.format(m.meetingDate()));
                calendar.line("DTEND;VALUE=DATE:" + DAY.format(m.meetingDate().plusDays(1)));
            } else {
                // Held in UK time, written in UTC so that no time zone definition is needed.
                calendar.line("DTSTART:" + STAMP.format(m.meetingDate().atTime(m.startsAt()).atZone(UK).withZoneSameInstant(ZoneOffset.UTC)));
            }
            calendar.line("SUMMARY:" + ICalendar.escape(groupNames.get(m.groupId()) + " meeting"));
            if (m.place() != null) {
                calendar.line("LOCATION:" + ICalendar.escape(m.place()));
            }
            calendar.line("URL:" + baseUrl + "/meetings/" + m.id());
            calendar.line("END:VEVENT");
        }
        return calendar.end();
    }
}
