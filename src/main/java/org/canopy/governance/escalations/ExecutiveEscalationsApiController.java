package org.canopy.governance.escalations;

import java.net.URI;
import java.util.List;
import org.canopy.governance.EscalationKind;
import org.canopy.governance.ExecutiveEscalations.Escalation;
import org.canopy.partnership.CanopyUser;
import org.canopy.web.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Escalations to the executive over the API, as API.md's "Governance and scrutiny" gives them. */
@RestController
@RequestMapping("/api/v1/escalations")
class ExecutiveEscalationsApiController {

    /** One escalation in the API's words. */
    record EscalationJson(long id, long fromGroupId, String subject, String reason, String status, String decision) {
    }

    /** What a new escalation carries. */
    record EscalationRequest(Long fromGroupId, String subject, String reason) {
    }

    private final EscalationRegister register;

    ExecutiveEscalationsApiController(EscalationRegister register) {
        this.register = register;
    }

    @GetMapping
    List<EscalationJson> escalations(@AuthenticationPrincipal CanopyUser user) {
        return register.readableBy(user).stream().map(ExecutiveEscalationsApiController::json).toList();
    }

    @PostMapping
    ResponseEntity<EscalationJson> raise(@AuthenticationPrincipal CanopyUser user, @RequestBody EscalationRequest request) {
        if (request.fromGroupId() == null) {
            throw new InvalidInput("fromGroupId", "Give the id of the group that escalates");
        }
        var raised = register.raise(user, request.fromGroupId(), EscalationKind.ITEM, request.subject(), request.reason(), null);
        return ResponseEntity.created(URI.create("/api/v1/escalations/" + raised.id())).body(json(raised));
    }

    private static EscalationJson json(Escalation e) {
        return new EscalationJson(e.id(), e.fromGroupId(), e.subject(), e.reason(), e.status().name(), e.decision());
    }
}
