package org.canopy.voice.tell;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.web.InvalidInput;
import org.canopy.web.JsonInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/public/feedback}: the tell us page for apps, no credentials. The same checks as the page (the
 * privacy guard in a child's words as problem details, the honeypot {@code website}, the sending limit as 429, a failure to
 * store as 503 with the help); the answer never repeats the message.
 */
@RestController
class TellUsApiController {

    private final PublicMessages messages;
    private final HelpSettings help;

    TellUsApiController(PublicMessages messages, HelpSettings help) {
        this.messages = messages;
        this.help = help;
    }

    /** Body: {@code { "message", "ageBand", "topic", "partnership", "website" }}, only {@code message} required. */
    @PostMapping("/api/v1/public/feedback")
    ResponseEntity<Map<String, Object>> send(@RequestBody JsonNode body, HttpServletRequest request) {
        JsonInput.object(body);
        Long named = number(body, "partnership", "\"partnership\" must be a partnership's id, or left out when there is only one");
        long partnership = messages.partnership(named).orElseThrow(() -> new InvalidInput("partnership",
                "Name the partnership this message is for: \"partnership\" with its id"));
        Long chosen = number(body, "topic", "Choose a topic from the list, or leave it out for \u201cSomething else\u201d");
        String topic = chosen == null ? null : String.valueOf(chosen);
        var receipt = messages.receive(partnership, request.getRemoteAddr(), text(body, "message"), text(body, "ageBand"), topic,
                text(body, "website"));
        var json = new LinkedHashMap<String, Object>();
        json.put("received", true);
        json.put("reference", receipt.reference());
        json.put("helpFirst", receipt.helpFirst());
        json.put("helpNow", helpNow());
        return ResponseEntity.status(HttpStatus.CREATED).body(json);
    }

    /** Storing failed on Canopy's side: 503, the help first, and a plain request to send it again. */
    @ExceptionHandler(MessageNotKept.class)
    ResponseEntity<ProblemDetail> notKept(MessageNotKept e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Something went wrong on our side, so your"
                + " message was not kept. It is not your fault. Please send it again, or try again later. If you need help now, call"
                + " 999 in an emergency, or Childline free on 0800 1111.");
        problem.setTitle("We could not keep your message");
        problem.setProperty("helpNow", helpNow());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private List<Map<String, Object>> helpNow() {
        return help.lines().stream().map(line -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("name", line.name());
            entry.put("phone", line.phone());
            entry.put("when", line.when());
            return (Map<String, Object>) entry;
        }).toList();
    }

    @ExceptionHandler(TooManyMessages.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyMessages e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Lots of messages have been sent from where you are"
                + " in a short time, so we can't take any more just now. Please try again later. If you need help now, call 999 in an"
                + " emergency, or Childline free on 0800 1111.");
        problem.setTitle("Too many messages");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(SendingLimit.WINDOW_MINUTES * 60))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** An id in the body, refused in the caller's words when it is not one (a huge number, text, a list). */
    private static Long number(JsonNode body, String field, String message) {
        try {
            return JsonInput.id(body, field);
        } catch (InvalidInput e) {
            throw new InvalidInput(field, message);
        }
    }

    private static String text(JsonNode body, String field) {
        return JsonInput.text(body, field);
    }
}
