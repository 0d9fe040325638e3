package org.canopy.governance.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.canopy.governance.arrangements.ArrangementsStore.Lead;
import org.canopy.governance.arrangements.ArrangementsStore.Version;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencyKind;
import org.canopy.partnership.AgencySummary;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.DateInput;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.FormFields;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published arrangements: each version with its lead safeguarding partners (their agencies named as they stood on
 * the day shown, successions spelled out), delegates, the agencies included, the document's parts and sign-offs.
 * Everyone in the partnership reads them; the administrator edits (a new version); the administrator or an executive
 * member records a lead partner's sign-off.
 */
@Service
class Arrangements {

    static final int TEXT_MAX = 4000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A lead safeguarding partner as shown on a day. */
    record ShownLead(Lead lead, LeadRole role, AgencySummary agency, String agencyText) {
    }

    /** A version as shown on a day: today's for the page in force, the version's own day for an old one. */
    record Shown(Version version, LocalDate on, boolean asToday, List<ShownLead> leads, List<AgencySummary> relevant,
            List<AgencySummary> education, boolean signedOff) {
    }

    private final ArrangementsStore store;
    private final AgencyDirectory agencies;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Arrangements(ArrangementsStore store, AgencyDirectory agencies, IdentifierGuard guard, ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.agencies = agencies;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static boolean mayEdit(CanopyUser user) {
        return user.isAdministrator();
    }

    static boolean maySignOff(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.EXECUTIVE;
    }

    /** The version in force, as it stands today. */
    Optional<Shown> current(long partnershipId) {
        return store.current(partnershipId).map(v -> shown(partnershipId, v, today(), true));
    }

    /** A version, as it stood on its own day. */
    Shown version(long partnershipId, int number) {
        var v = store.version(partnershipId, number).orElseThrow(() -> new NotFound("That version of the arrangements"));
        return shown(partnershipId, v, v.ownDay(), false);
    }

    List<Version> versions(long partnershipId) {
        return store.versions(partnershipId);
    }

    List<Long> publicPartnerships() {
        return store.partnershipsWithArrangements();
    }

    List<AgencySummary> agenciesToday(long partnershipId) {
        return agencies.agenciesOn(partnershipId, today());
    }

    private Shown shown(long partnershipId, Version v, LocalDate on, boolean asToday) {
        var all = agencies.agencies(partnershipId);
        var leads = new ArrayList<ShownLead>();
        for (var lead : store.leads(partnershipId, v.id())) {
            var recorded = all.stream().filter(a -> a.id() == lead.agencyId()).findFirst().orElseThrow();
            var standing = agencies.standingFor(partnershipId, lead.agencyId(), on).orElse(recorded);
            leads.add(new ShownLead(lead, lead.role(), standing, described(partnershipId, standing, on)));
        }
        var included = store.agencyIds(partnershipId, v.id()).stream()
                .map(id -> agencies.standingFor(partnershipId, id, on)).flatMap(Optional::stream).distinct().toList();
        boolean signedOff = leads.size() == LeadRole.values().length && leads.stream().allMatch(l -> l.lead().signedOffOn() != null);
        return new Shown(v, on, asToday, leads,
                included.stream().filter(a -> a.kind() != AgencyKind.EDUCATION_OR_CHILDCARE).toList(),
                included.stream().filter(a -> a.kind() == AgencyKind.EDUCATION_OR_CHILDCARE).toList(), signedOff);
    }

    /** The agency's name, with the agencies it had succeeded by the day spelled out. */
    private String described(long partnershipId, AgencySummary agency, LocalDate on) {
        var before = agencies.predecessorsOf(partnershipId, agency.id()).stream()
                .filter(p -> p.until() == null || p.until().isBefore(on)).toList();
        if (before.isEmpty()) {
            return agency.name();
        }
        var parts = before.stream().map(p -> p.name() + (p.until() != null ? " on " + DAY.format(p.until().plusDays(1))
                : agency.from() != null ? " on " + DAY.format(agency.from()) : "")).toList();
        return agency.name() + " (succeeded " + String.join(" and ", parts) + ")";
    }

    /**
     * Records a new version from the form (the one in force until then stays readable). Every free-text field is checked
     * for identifiers; any problem refuses the whole version, so nothing is half-saved.
     */
    @Transactional
    int edit(CanopyUser user, Map<String, String> form, List<String> agencyIds) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException("Only the partnership administrator edits the published arrangements");
        }
        long p = user.partnershipId();
        var previous = store.current(p);
        int expected = previous.map(Version::number).orElse(0);
        if (FormFields.version(form.get("version")) != expected && !(expected == 0 && form.get("version") == null)) {
            throw new EditConflict("Someone else recorded a new version of the arrangements while you were editing: "
                    + "check it and make your change again");
        }
        var problems = new ArrayList<FieldProblem>();
        Function<String[], String> text = f -> guard.freeText(f[0], f[1], form.get(f[0]), false, Integer.parseInt(f[2]),
                problems, FieldProblem::of);
        String workingTogether = text.apply(new String[] {"workingTogether", "How the partners work together", "4000"});
        String scrutiny = text.apply(new String[] {"scrutiny", "Independent scrutiny", "4000"});
        String funding = text.apply(new String[] {"funding", "Funding", "4000"});
        String link = text.apply(new String[] {"thresholdLink", "The threshold document link", "500"});
        if (link != null && !link.matches("https?://\\S+")) {
            problems.add(FieldProblem.of("thresholdLink", "Enter the threshold document's web address, starting https://"));
        }
        var today = today();
        var reviewOn = DateInput.fromForm(form::get, "reviewOn").read("reviewOn", "The review date", false,
                DateInput.Range.PLANNED, today, problems);
        var publishedOn = DateInput.fromForm(form::get, "publishedOn").read("publishedOn", "The published date", false,
                DateInput.Range.PAST, today, problems);
        var known = agencies.agencies(p);
        var leads = new ArrayList<Lead>();
        var previousLeads = previous.map(v -> store.leads(p, v.id())).orElse(List.of());
        for (var role : LeadRole.values()) {
            String f = role.field();
            long agencyId = FormFields.id(form.get(f + "-agency"));
            if (known.stream().noneMatch(a -> a.id() == agencyId)) {
                problems.add(FieldProblem.of(f + "-agency", "Select the agency of the " + role.label().toLowerCase(Locale.UK)));
            }
            String lead = text.apply(new String[] {f + "-name", "The name of the " + role.label().toLowerCase(Locale.UK), "200"});
            String delegate = text.apply(new String[] {f + "-delegate", "The delegated safeguarding partner's name", "200"});
            String delegateRole = text.apply(new String[] {f + "-delegate-role", "The delegated safeguarding partner's role", "600"});
            // Where the report named the delegate, the note stays while the delegate does.
            String source = previousLeads.stream().filter(l -> l.role() == role && java.util.Objects.equals(l.delegateName(), delegate)
                    && java.util.Objects.equals(l.delegateRole(), delegateRole)).map(Lead::delegateSource).findFirst().orElse(null);
            leads.add(new Lead(0, role, agencyId, lead, delegate, delegateRole, source, null, null, null, 0));
        }
        var included = new ArrayList<Long>();
        for (String id : agencyIds == null ? List.<String>of() : agencyIds) {
            long agencyId = FormFields.id(id);
            if (known.stream().noneMatch(a -> a.id() == agencyId)) {
                problems.add(FieldProblem.of("agencyIds", "Select the relevant agencies from the list"));
                break;
            }
            if (!included.contains(agencyId)) {
                included.add(agencyId);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var version = new Version(0, expected + 1, workingTogether, scrutiny, funding, link, null, null, reviewOn, publishedOn,
                user.getUsername(), LocalDateTime.now(clock));
        record(p, user.getUsername(), version, leads, included, previous.map(v -> store.snapshot(p, v)).orElse(null));
        return version.number();
    }

    /** Stores a version with its leads and agencies, recorded in the history (the demo loader uses it too). */
    void record(long partnershipId, String actor, Version version, List<Lead> leads, List<Long> agencyIds, Object before) {
        long id = store.insertVersion(partnershipId, version);
        leads.forEach(l -> store.insertLead(partnershipId, id, l));
        store.insertAgencies(partnershipId, id, agencyIds);
        var stored = store.version(partnershipId, version.number()).orElseThrow();
        events.publishEvent(new RecordChanged(partnershipId, actor, "arrangements", String.valueOf(id), "version-added",
                "Recorded version " + version.number() + " of the published arrangements", before, store.snapshot(partnershipId, stored)));
    }

    /** Records that a lead safeguarding partner signed off the version in force, on the day given. */
    @Transactional
    void signOff(CanopyUser user, String roleName, String signedOnDay, String signedOnMonth, String signedOnYear, String leadVersion) {
        if (!maySignOff(user)) {
            throw new AccessDeniedException("Only the administrator or an executive member records a lead partner's sign-off");
        }
        long p = user.partnershipId();
        var version = store.current(p).orElseThrow(() -> new NotFound("The arrangements"));
        LeadRole role;
        try {
            role = LeadRole.valueOf(roleName == null ? "" : roleName);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("role", "Select the lead safeguarding partner who signed off");
        }
        var lead = store.leads(p, version.id()).stream().filter(l -> l.role() == role).findFirst()
                .orElseThrow(() -> new NotFound("That lead safeguarding partner"));
        var problems = new ArrayList<FieldProblem>();
        String field = "signedOn-" + role.field();
        var on = new DateInput(signedOnDay, signedOnMonth, signedOnYear, null).read(field, "The date of the sign-off", true,
                DateInput.Range.PAST, today(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!store.signOff(p, lead.id(), FormFields.version(leadVersion), on, user.getUsername(), LocalDateTime.now(clock))) {
            throw new EditConflict("Someone else recorded this sign-off while you were entering it: check it again");
        }
        var after = store.leads(p, version.id()).stream().filter(l -> l.role() == role).findFirst().orElseThrow();
        events.publishEvent(RecordChanged.by(user, "arrangements", version.id(), "signed-off", "Recorded the sign-off of the "
                + role.label().toLowerCase(Locale.UK) + " for version " + version.number() + " of the arrangements", lead, after));
    }
}
