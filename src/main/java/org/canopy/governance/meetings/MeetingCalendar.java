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
        var out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Canopy//Group meetings//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + escape("My group meetings"));
        String stamp = STAMP.format(LocalDateTime.now(clock).atOffset(ZoneOffset.UTC));
        for (var m : mine) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:meeting-" + m.id() + "@canopy");
            line(out, "DTSTAMP:" + stamp);
            if (m.startsAt() == null) {
                line(out, "DTSTART;VALUE=DATE:" + DAY.format(m.meetingDate()));
                line(out, "DTEND;VALUE=DATE:" + DAY.format(m.meetingDate().plusDays(1)));
            } else {
                // Held in UK time, written in UTC so that no time zone definition is needed.
                line(out, "DTSTART:" + STAMP.format(m.meetingDate().atTime(m.startsAt()).atZone(UK).withZoneSameInstant(ZoneOffset.UTC)));
            }
            line(out, "SUMMARY:" + escape(groupNames.get(m.groupId()) + " meeting"));
            if (m.place() != null) {
                line(out, "LOCATION:" + escape(m.place()));
            }
            line(out, "URL:" + baseUrl + "/meetings/" + m.id());
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT value escaping of RFC 5545 section 3.3.11: backslash, semicolon, comma and line breaks. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replaceAll("\r\n|\r|\n", "\\\\n");
    }

    /** Appends a content line folded at 75 octets (RFC 5545 section 3.1), never splitting a character. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
