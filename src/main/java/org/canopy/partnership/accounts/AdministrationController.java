package org.canopy.partnership.accounts;

import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import org.canopy.partnership.AgencyKind;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.partnership.outbox.OutboxMessages;
import org.canopy.web.DateInput;
import org.canopy.web.FormFields;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormSubmission;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrator pages for people, agencies and API tokens (every path here needs the administrator role). */
@Controller
class AdministrationController {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final UserAccounts users;
    private final Agencies agencies;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final OutboxMessages outbox;
    private final PasswordPolicy passwords;

    AdministrationController(UserAccounts users, Agencies agencies, ApiTokens tokens, PasswordEncoder encoder,
            ApplicationEventPublisher events, OutboxMessages outbox, PasswordPolicy passwords) {
        this.outbox = outbox;
        this.passwords = passwords;
        this.users = users;
        this.agencies = agencies;
        this.tokens = tokens;
        this.encoder = encoder;
        this.events = events;
    }

    @GetMapping("/admin")
    String home() {
        return "partnership/admin";
    }

    /** Every email Canopy has sent or kept, newest first. */
    @GetMapping("/admin/outbox")
    String outbox(@AuthenticationPrincipal CanopyUser admin, Model model) {
        model.addAttribute("messages", outbox.messages(admin.partnershipId()));
        return "partnership/outbox";
    }

    @GetMapping("/admin/users")
    String users(@AuthenticationPrincipal CanopyUser admin, Model model) {
        model.addAttribute("people", users.inPartnership(admin.partnershipId()));
        return "partnership/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(@AuthenticationPrincipal CanopyUser admin, Model model) {
        model.addAttribute("form", Map.of());
        return userForm(admin, model);
    }

    private String userForm(CanopyUser admin, Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("agencies", agencies.all(admin.partnershipId()).stream().filter(Agencies.Agency::active).toList());
        return "partnership/user-form";
    }

    @PostMapping("/admin/users")
    @Transactional
    String createUser(@AuthenticationPrincipal CanopyUser admin, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        String username = form.getOrDefault("username", "").trim().toLowerCase();
        String name = form.getOrDefault("displayName", "").trim();
        String email = form.getOrDefault("email", "").trim();
        String password = form.getOrDefault("password", "");
        String roleName = form.getOrDefault("role", "");
        String agencyId = form.getOrDefault("agencyId", "");
        var problems = new ArrayList<FieldProblem>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username",
                    "Enter a username of 2 to 60 lower-case letters, numbers, dots, dashes or underscores"));
        } else if (users.usernameTaken(username)) {
            problems.add(FieldProblem.of("username", "That username is already taken"));
        }
        if (name.isEmpty() || name.length() > 200) {
            problems.add(FieldProblem.of("displayName", "Enter the person's name (up to 200 characters)"));
        }
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.add(FieldProblem.of("email", "Enter an email address in the correct format, like name@example.org"));
        }
        passwords.problem(password).ifPresent(problem -> problems.add(FieldProblem.of("password", problem)));
        Role role = null;
        try {
            role = Role.valueOf(roleName);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("role", "Select the person's role"));
        }
        Long agency = null;
        if (!agencyId.isEmpty()) {
            agency = agencies.find(admin.partnershipId(), FormFields.id(agencyId)).filter(Agencies.Agency::active)
                    .map(Agencies.Agency::id).orElse(null);
            if (agency == null) {
                problems.add(FieldProblem.of("agencyId", "Select an agency from the list"));
            }
        } else if (role == Role.AGENCY_CONTRIBUTOR) {
            problems.add(FieldProblem.of("agencyId", "Select the agency an agency contributor writes for"));
        }
        if (!problems.isEmpty()) {
            return FormSubmission.on(model).keeping("form", form).refuse(problems, () -> userForm(admin, model));
        }
        long id = users.create(admin.partnershipId(), username, name, email.isEmpty() ? null : email,
                encoder.encode(password), role, agency);
        var created = users.byId(admin.partnershipId(), id).orElseThrow();
        events.publishEvent(RecordChanged.by(admin, "user", id, "created", "Added user " + username, null, created));
        redirect.addFlashAttribute("success", "Added " + name + " (" + username + ")");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/enabled")
    @Transactional
    String setEnabled(@AuthenticationPrincipal CanopyUser admin, @PathVariable long id, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        var before = users.byId(admin.partnershipId(), id).orElseThrow(() -> new NotFound("The user"));
        if (id == admin.id() && !enabled) {
            redirect.addFlashAttribute("failure", "You cannot disable your own account");
            return "redirect:/admin/users";
        }
        users.setEnabled(admin.partnershipId(), id, enabled);
        var after = users.byId(admin.partnershipId(), id).orElseThrow();
        events.publishEvent(RecordChanged.by(admin, "user", id, enabled ? "enabled" : "disabled",
                (enabled ? "Enabled user " : "Disabled user ") + before.username(), before, after));
        redirect.addFlashAttribute("success", (enabled ? "Enabled " : "Disabled ") + before.displayName());
        return "redirect:/admin/users";
    }

    /** The administrator sets a new password for a person who has forgotten theirs (the policy applies as on creation). */
    @GetMapping("/admin/users/{id}/password")
    String passwordForm(@AuthenticationPrincipal CanopyUser admin, @PathVariable long id, Model model) {
        model.addAttribute("person", users.byId(admin.partnershipId(), id).orElseThrow(() -> new NotFound("The user")));
        return "partnership/user-password";
    }

    @PostMapping("/admin/users/{id}/password")
    @Transactional
    String setPassword(@AuthenticationPrincipal CanopyUser admin, @PathVariable long id,
            @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        var person = users.byId(admin.partnershipId(), id).orElseThrow(() -> new NotFound("The user"));
        var problem = passwords.problem(password);
        if (problem.isPresent()) {
            // The refused password is not put back on the page.
            return FormSubmission.on(model).refuse(java.util.List.of(FieldProblem.of("password", problem.get())),
                    () -> passwordForm(admin, id, model));
        }
        users.setPasswordHash(admin.partnershipId(), id, encoder.encode(password));
        // Audited as done, by whom and for whom; never the password or its hash.
        events.publishEvent(RecordChanged.by(admin, "user", id, "password-set",
                "Set a new password for " + person.username(), null, null));
        redirect.addFlashAttribute("success", "Set a new password for " + person.displayName()
                + ". Give it to them in a safe way and ask them to change it when they sign in");
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/agencies")
    String agencies(@AuthenticationPrincipal CanopyUser admin, Model model) {
        var all = agencies.all(admin.partnershipId());
        model.addAttribute("agencies", all);
        model.addAttribute("names", all.stream().collect(java.util.stream.Collectors.toMap(Agencies.Agency::id, Agencies.Agency::name)));
        model.addAttribute("kinds", AgencyKind.values());
        return "partnership/agencies";
    }

    @PostMapping("/admin/agencies")
    @Transactional
    String createAgency(@AuthenticationPrincipal CanopyUser admin, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        String name = form.getOrDefault("name", "").trim();
        String description = form.getOrDefault("description", "").trim();
        var problems = new ArrayList<FieldProblem>();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(FieldProblem.of("name", "Enter the agency's name (up to 200 characters)"));
        } else if (agencies.agencyNamed(admin.partnershipId(), name).isPresent()) {
            problems.add(FieldProblem.of("name", "An agency with that name already exists"));
        }
        AgencyKind kind = null;
        try {
            kind = AgencyKind.valueOf(form.getOrDefault("kind", ""));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("kind",
                    "Select whether the agency is a statutory partner, a relevant agency or an education or childcare agency"));
        }
        if (description.length() > 1000) {
            problems.add(FieldProblem.of("description", "Description must be 1000 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            return FormSubmission.on(model).keeping("form", form).refuse(problems, () -> agencies(admin, model));
        }
        long id = agencies.create(admin.partnershipId(), name, kind, description.isEmpty() ? null : description);
        events.publishEvent(RecordChanged.by(admin, "agency", id, "created", "Added agency " + name, null,
                agencies.find(admin.partnershipId(), id).orElseThrow()));
        redirect.addFlashAttribute("success", "Added " + name);
        return "redirect:/admin/agencies";
    }

    @PostMapping("/admin/agencies/{id}/active")
    @Transactional
    String setAgencyActive(@AuthenticationPrincipal CanopyUser admin, @PathVariable long id, @RequestParam boolean active,
            RedirectAttributes redirect) {
        var before = agencies.find(admin.partnershipId(), id).orElseThrow(() -> new NotFound("The agency"));
        agencies.setActive(admin.partnershipId(), id, active);
        events.publishEvent(RecordChanged.by(admin, "agency", id, active ? "enabled" : "disabled",
                (active ? "Enabled agency " : "Disabled agency ") + before.name(), before,
                agencies.find(admin.partnershipId(), id).orElseThrow()));
        redirect.addFlashAttribute("success", (active ? "Enabled " : "Disabled ") + before.name());
        return "redirect:/admin/agencies";
    }

    /** An agency's period of existence and its successor, set by the administrator. */
    @GetMapping("/admin/agencies/{id}")
    String agency(@AuthenticationPrincipal CanopyUser admin, @PathVariable long id, Model model) {
        var agency = agencies.find(admin.partnershipId(), id).orElseThrow(() -> new NotFound("The agency"));
        model.addAttribute("agency", agency);
        model.addAttribute("others", agencies.all(admin.partnershipId()).stream().filter(a -> a.id() != id).toList());
        if (!model.containsAttribute("form")) {
            var form = new java.util.HashMap<String, String>();
            form.putAll(DateInput.fields("from", agency.from()));
            form.putAll(DateInput.fields("until", agency.until()));
            form.put("successorId", agency.successorId() == null ? "" : String.valueOf(agency.successorId()));
            form.put("version", String.valueOf(agency.version()));
            model.addAttribute("form", form);
        }
        return "partnership/agency";
    }

    @PostMapping("/admin/agencies/{id}/succession")
    @Transactional
    String setSuccession(@AuthenticationPrincipal CanopyUser admin, @PathVariable long id, @RequestParam Map<String, String> form,
            Model model, RedirectAttributes redirect) {
        var before = agencies.find(admin.partnershipId(), id).orElseThrow(() -> new NotFound("The agency"));
        return FormSubmission.on(model).keeping("form", form).conflictOn("successorId").submit(() -> {
            var problems = new ArrayList<FieldProblem>();
            var today = java.time.LocalDate.now();
            var from = DateInput.fromForm(form::get, "from").read("from", "The date it began", false, DateInput.Range.PLANNED,
                    today, problems);
            var until = DateInput.fromForm(form::get, "until").read("until", "The date it ceased", false,
                    DateInput.Range.PLANNED, today, problems);
            String successor = form.getOrDefault("successorId", "").strip();
            Long successorId = successor.isEmpty() ? null : FormFields.id(successor);
            if (!problems.isEmpty()) {
                throw new org.canopy.web.InvalidInput(problems);
            }
            agencies.setSuccession(admin.partnershipId(), id, FormFields.version(form.get("version")), from, until, successorId);
            var after = agencies.find(admin.partnershipId(), id).orElseThrow();
            events.publishEvent(RecordChanged.by(admin, "agency", id, "succession",
                    "Set the period and successor of agency " + before.name(), before, after));
            redirect.addFlashAttribute("success", "Saved the period and successor of " + before.name());
            return "redirect:/admin/agencies";
        }, () -> agency(admin, id, model));
    }

    @GetMapping("/admin/tokens")
    String tokens(@AuthenticationPrincipal CanopyUser admin, Model model) {
        model.addAttribute("tokens", tokens.list(admin.partnershipId()));
        model.addAttribute("people", users.inPartnership(admin.partnershipId()).stream().filter(p -> p.enabled()).toList());
        return "partnership/tokens";
    }

    @PostMapping("/admin/tokens")
    @Transactional
    String issueToken(@AuthenticationPrincipal CanopyUser admin, @RequestParam Map<String, String> form, Model model) {
        String name = form.getOrDefault("name", "").trim();
        var problems = new ArrayList<FieldProblem>();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(FieldProblem.of("name", "Enter what the token is for, like 'Power BI dashboard' (up to 100 characters)"));
        }
        var person = users.byId(admin.partnershipId(), FormFields.id(form.getOrDefault("userId", "")))
                .filter(p -> p.enabled());
        if (person.isEmpty()) {
            problems.add(FieldProblem.of("userId", "Select whose permissions the token carries"));
        }
        if (!problems.isEmpty()) {
            return FormSubmission.on(model).keeping("form", form).refuse(problems, () -> tokens(admin, model));
        }
        var issued = tokens.issue(admin, person.get().id(), name);
        events.publishEvent(RecordChanged.by(admin, "api-token", issued.id(), "issued",
                "Issued API token '" + name + "' for " + person.get().username(), null,
                Map.of("name", name, "user", person.get().username())));
        model.addAttribute("issuedToken", issued.token());
        model.addAttribute("issuedName", name);
        return tokens(admin, model);
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    @Transactional
    String revokeToken(@AuthenticationPrincipal CanopyUser admin, @PathVariable long id, RedirectAttributes redirect) {
        if (!tokens.revoke(admin.partnershipId(), id)) {
            throw new NotFound("The API token");
        }
        events.publishEvent(RecordChanged.by(admin, "api-token", id, "revoked", "Revoked API token " + id,
                Map.of("revoked", false), Map.of("revoked", true)));
        redirect.addFlashAttribute("success", "Revoked the token");
        return "redirect:/admin/tokens";
    }
}
