package org.canopy.partnership.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.accounts.PasswordPolicy;
import org.canopy.partnership.accounts.UserAccounts;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormSubmission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in person changes their own password: the current one, then the new one twice. */
@Controller
class PasswordChangeController {

    static final String PATH = "/account/password";

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    PasswordChangeController(UserAccounts users, PasswordEncoder encoder, PasswordPolicy policy, SignInThrottle throttle,
            ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.throttle = throttle;
        this.events = events;
        this.transaction = transaction;
    }

    @GetMapping(PATH)
    String form() {
        return "partnership/password-change";
    }

    @PostMapping(PATH)
    String change(@AuthenticationPrincipal CanopyUser me, @RequestParam Map<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        String current = form.getOrDefault("currentPassword", "");
        String chosen = form.getOrDefault("newPassword", "");
        String confirmed = form.getOrDefault("confirmPassword", "");
        var problems = new ArrayList<FieldProblem>();
        if (current.isEmpty()) {
            problems.add(FieldProblem.of("currentPassword", "Enter your current password"));
        } else if (!currentPasswordMatches(me, current, request, problems)) {
            // Nothing else is said until the current password is right: the form is not a way to test passwords.
            return refuse(problems, model);
        }
        if (chosen.isEmpty()) {
            problems.add(FieldProblem.of("newPassword", "Enter a new password"));
        } else if (chosen.equals(current)) {
            problems.add(FieldProblem.of("newPassword", "Enter a new password that is different from your current one"));
        } else {
            policy.problem(chosen).ifPresent(problem -> problems.add(FieldProblem.of("newPassword", problem)));
        }
        if (confirmed.isEmpty()) {
            problems.add(FieldProblem.of("confirmPassword", "Enter your new password again"));
        } else if (!confirmed.equals(chosen)) {
            problems.add(FieldProblem.of("confirmPassword", "Enter the same new password in both boxes"));
        }
        if (!problems.isEmpty()) {
            return refuse(problems, model);
        }
        String hash = encoder.encode(chosen);
        transaction.executeWithoutResult(tx -> {
            users.setPasswordHash(me.partnershipId(), me.id(), hash);
            // The audit history says that it changed and who changed it, never the password or its hash.
            events.publishEvent(RecordChanged.by(me, "user", me.id(), "password-changed",
                    me.getUsername() + " changed their own password", null, null));
        });
        // A new session id once the credentials change, so that an id someone may have seen no longer works.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        redirect.addFlashAttribute("success", "Your password has been changed");
        return "redirect:" + PATH;
    }

    /**
     * The current password is checked like a sign-in and throttled alike (a session left open must not become a way
     * to guess it); a wrong or refused one is the form's only problem.
     */
    private boolean currentPasswordMatches(CanopyUser me, String current, HttpServletRequest request,
            List<FieldProblem> problems) {
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(me.getUsername(), request.getRemoteAddr());
        } catch (SignInRefused refused) {
            problems.add(FieldProblem.of("currentPassword", refused.getMessage()));
            return false;
        }
        String stored = users.principal(me.getUsername()).map(CanopyUser::getPassword).orElse(null);
        if (stored == null || !encoder.matches(current, stored)) {
            throttle.failed(attempt);
            problems.add(FieldProblem.of("currentPassword", "Your current password is not right. Enter it again"));
            return false;
        }
        throttle.succeeded(attempt);
        return true;
    }

    /** The form again with its problems; passwords are never put back on the page. */
    private String refuse(List<FieldProblem> problems, Model model) {
        return FormSubmission.on(model).refuse(problems, this::form);
    }
}
