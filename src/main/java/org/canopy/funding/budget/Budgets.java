package org.canopy.funding.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.funding.budget.Terms.Basis;
import org.canopy.funding.budget.Terms.Category;
import org.canopy.funding.budget.Terms.InKindKind;
import org.canopy.funding.budget.Terms.LeadPartner;
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
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.canopy.web.Period;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared budget of each financial year. Everyone in the partnership reads it; the coordinator (administrator) keeps
 * the money; an agency contributor records their own agency's received amount and contributions in kind; the
 * coordinator or an executive member records a lead partner's sign-off. Money is exact: BigDecimal, scale 2.
 */
@Service
public class Budgets {

    /** A year's settings as stored. */
    public record Year(long id, String financialYear, String basis, String basisDescription, Long laAgencyId, Long icbAgencyId,
            Long policeAgencyId, BigDecimal laShare, BigDecimal icbShare, BigDecimal policeShare, boolean published, String publishedBy,
            LocalDateTime publishedAt, int version) {

        Long agencyOf(LeadPartner p) {
            return switch (p) {
                case LOCAL_AUTHORITY -> laAgencyId;
                case INTEGRATED_CARE_BOARD -> icbAgencyId;
                case POLICE -> policeAgencyId;
            };
        }

        BigDecimal shareOf(LeadPartner p) {
            return switch (p) {
                case LOCAL_AUTHORITY -> laShare;
                case INTEGRATED_CARE_BOARD -> icbShare;
                case POLICE -> policeShare;
            };
        }

        public Basis chosenBasis() {
            return basis == null ? null : Basis.valueOf(basis);
        }
    }

    /** An agency's contribution: agreed and received (either may be not stated). */
    public record Contribution(long id, long agencyId, BigDecimal agreed, BigDecimal received, int version) {
    }

    /** A contribution in kind: an agency (or none: the partners together), what, hours or words. */
    public record InKind(long id, Long agencyId, String kind, BigDecimal hours, String description, int version) {
        public InKindKind what() {
            return InKindKind.valueOf(kind);
        }
    }

    /** An outgoing line: its kind, the partnership's name for it, the budget and the actual to date. */
    public record Outgoing(long id, String category, String line, BigDecimal budget, BigDecimal actual, int position, int version) {
        public Category kind() {
            return Category.valueOf(category);
        }

        /** Budget less actual, when both are stated: what is left (negative: overspent). */
        public BigDecimal difference() {
            return budget == null || actual == null ? null : budget.subtract(actual);
        }
    }

    /** A lead partner's sign-off of the year's budget. */
    public record SignOff(String leadRole, String signedBy, LocalDate signedOn, String recordedBy, LocalDateTime recordedAt) {
    }

    /** A contribution as shown: with its agency. */
    public record ShownContribution(Contribution contribution, AgencySummary agency) {
    }

    /** An in-kind contribution as shown: with its agency or null. */
    public record ShownInKind(InKind inKind, AgencySummary agency) {
    }

    /** One statutory partner's share, beside the chosen basis (the basis's columns are null when none is chosen). */
    public record Share(LeadPartner partner, AgencySummary agency, BigDecimal contribution, BigDecimal ofTotal, BigDecimal ofThree,
            BigDecimal expectedPercent, BigDecimal expectedAmount, BigDecimal difference) {
    }

    /** A lead partner and whether they have signed off. */
    public record Signing(LeadPartner partner, AgencySummary agency, SignOff signOff) {
    }

    /** The whole year, computed from what is stored. */
    public record Statement(Year year, List<ShownContribution> contributions, String carriedFrom, BigDecimal carriedForward,
            List<ShownInKind> inKind, List<Outgoing> outgoings, BigDecimal contributionsReceived, BigDecimal contributionsAgreed,
            BigDecimal income, BigDecimal budgeted, BigDecimal spending, BigDecimal balance, List<Share> shares, BigDecimal threeTotal,
            List<Signing> signings) {

        public String balanceInWords() {
            return Money.balanceInWords(balance);
        }

        public boolean signedOff() {
            return signings.stream().allMatch(s -> s.signOff() != null);
        }
    }

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Budgets(JdbcClient jdbc, AgencyDirectory agencies, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- who may do what

    public static boolean keepsMoney(CanopyUser user) {
        return user.isAdministrator();
    }

    public static boolean maySignOff(CanopyUser user) {
        return user.isAdministrator() || user.role() == Role.EXECUTIVE;
    }

    /** Whether the person records received amounts and in-kind contributions for the agency (null: any agency). */
    public static boolean mayRecordFor(CanopyUser user, Long agencyId) {
        if (user.isAdministrator()) {
            return true;
        }
        return user.role() == Role.AGENCY_CONTRIBUTOR && user.agencyId() != null && (agencyId == null || user.agencyId().equals(agencyId));
    }

    private static void requireKeeper(CanopyUser user) {
        if (!keepsMoney(user)) {
            throw new AccessDeniedException("Only the partnership coordinator keeps the budget");
        }
    }

    // ---- reading

    public List<Year> years(long partnershipId) {
        return jdbc.sql(YEAR + " where partnership_id = ? order by financial_year").param(partnershipId).query(Year.class).list();
    }

    public Optional<Year> year(long partnershipId, String financialYear) {
        return jdbc.sql(YEAR + " where partnership_id = ? and financial_year = ?").params(partnershipId, financialYear)
                .query(Year.class).optional();
    }

    Year requireYear(long partnershipId, String financialYear) {
        return year(partnershipId, financialYear).orElseThrow(() -> new NotFound("The budget for " + financialYear));
    }

    public List<AgencySummary> agencies(long partnershipId) {
        return agencies.agencies(partnershipId);
    }

    /** The agencies a lead partner may be: the statutory partners. */
    public List<AgencySummary> statutoryPartners(long partnershipId) {
        return agencies.agencies(partnershipId).stream().filter(a -> a.kind() == AgencyKind.STATUTORY_PARTNER).toList();
    }

    public Statement statement(long partnershipId, String financialYear) {
        return statement(partnershipId, requireYear(partnershipId, financialYear));
    }

    /** The published statement for anyone: not found until the coordinator publishes it. */
    public Statement published(long partnershipId, String financialYear) {
        var year = year(partnershipId, financialYear).filter(Year::published)
                .orElseThrow(() -> new NotFound("The published funding statement for " + financialYear));
        return statement(partnershipId, year);
    }

    /** The partnerships that have published a funding statement. */
    public List<Long> publishingPartnerships() {
        return jdbc.sql("select distinct partnership_id from funding_year where published = true order by partnership_id").query(Long.class).list();
    }

    public List<Long> partnerships() {
        return jdbc.sql("select id from partnership order by id").query(Long.class).list();
    }

    Statement statement(long p, Year year) {
        var all = agencies.agencies(p);
        var contributions = jdbc.sql("select id, agency_id, agreed, received, version from funding_contribution where partnership_id = ? and year_id = ?")
                .params(p, year.id()).query(Contribution.class).list().stream()
                .map(c -> new ShownContribution(c, all.stream().filter(a -> a.id() == c.agencyId()).findFirst().orElse(null)))
                .sorted(java.util.Comparator.comparing((ShownContribution c) -> c.agency() == null ? 9 : c.agency().kind().ordinal())
                        .thenComparing(c -> c.contribution().id()))
                .toList();
        var inKind = jdbc.sql("select id, agency_id, kind, hours, description, version from funding_in_kind where partnership_id = ? and year_id = ? order by id")
                .params(p, year.id()).query(InKind.class).list().stream()
                .map(k -> new ShownInKind(k, k.agencyId() == null ? null : all.stream().filter(a -> a.id() == k.agencyId()).findFirst().orElse(null)))
                .toList();
        var outgoings = jdbc.sql("select id, category, line, budget, actual, position, version from funding_outgoing where partnership_id = ? and year_id = ? order by position, id")
                .params(p, year.id()).query(Outgoing.class).list();
        String previous = previousYear(year.financialYear());
        BigDecimal carried = year(p, previous).map(y -> statement(p, y).balance()).orElse(null);
        var received = Money.sum(contributions.stream().map(c -> c.contribution().received()).toList());
        var agreed = contributions.stream().anyMatch(c -> c.contribution().agreed() != null)
                ? Money.sum(contributions.stream().map(c -> c.contribution().agreed()).toList()) : null;
        var income = carried == null ? received : received.add(carried);
        var budgeted = outgoings.stream().anyMatch(o -> o.budget() != null) ? Money.sum(outgoings.stream().map(Outgoing::budget).toList()) : null;
        var spending = Money.sum(outgoings.stream().map(Outgoing::actual).toList());
        var balance = income.subtract(spending);
        var partnerContributions = new EnumMap<LeadPartner, BigDecimal>(LeadPartner.class);
        for (var partner : LeadPartner.values()) {
            Long agencyId = year.agencyOf(partner);
            partnerContributions.put(partner, agencyId == null ? null : contributions.stream()
                    .filter(c -> c.contribution().agencyId() == agencyId).map(c -> c.contribution().received()).filter(r -> r != null)
                    .findFirst().orElse(BigDecimal.ZERO.setScale(2)));
        }
        var three = Money.sum(new ArrayList<>(partnerContributions.values()));
        var shares = new ArrayList<Share>();
        var signOffs = jdbc.sql("select lead_role, signed_by, signed_on, recorded_by, recorded_at from funding_sign_off where partnership_id = ? and year_id = ?")
                .params(p, year.id()).query(SignOff.class).list();
        var signings = new ArrayList<Signing>();
        for (var partner : LeadPartner.values()) {
            Long agencyId = year.agencyOf(partner);
            var agency = agencyId == null ? null : all.stream().filter(a -> a.id() == agencyId).findFirst().orElse(null);
            signings.add(new Signing(partner, agency, signOffs.stream().filter(s -> s.leadRole().equals(partner.name())).findFirst().orElse(null)));
            if (agencyId == null) {
                continue;
            }
            var contribution = partnerContributions.get(partner);
            BigDecimal expectedPercent = expectedPercent(year, partner);
            BigDecimal expectedAmount = expectedPercent == null ? null
                    : three.multiply(expectedPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            if (year.chosenBasis() == Basis.EQUAL_THIRDS) {
                expectedAmount = three.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
            }
            shares.add(new Share(partner, agency, contribution, Money.share(contribution, received), Money.share(contribution, three),
                    expectedPercent, expectedAmount, expectedAmount == null ? null : contribution.subtract(expectedAmount)));
        }
        return new Statement(year, contributions, carried == null ? null : previous, carried, inKind, outgoings, received, agreed, income,
                budgeted, spending, balance, shares, three, signings);
    }

    private static BigDecimal expectedPercent(Year year, LeadPartner partner) {
        var basis = year.chosenBasis();
        if (basis == null) {
            return null;
        }
        if (basis == Basis.EQUAL_THIRDS) {
            return BigDecimal.valueOf(100).divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_UP);
        }
        return year.shareOf(partner);
    }

    /** "2020-21" gives "2019-20". */
    static String previousYear(String financialYear) {
        int start = Integer.parseInt(financialYear.substring(0, 4)) - 1;
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    // ---- the year

    /** Adds a financial year ("2021-22"); the lead partners and basis are copied from the year before when there is one. */
    @Transactional
    public Year addYear(CanopyUser user, String financialYear) {
        requireKeeper(user);
        String fy = financialYear == null ? "" : financialYear.strip();
        var period = Period.parse(fy).filter(x -> x.kind() == Period.Kind.FINANCIAL_YEAR);
        if (period.isEmpty()) {
            throw new InvalidInput("financialYear", "Enter the financial year like 2021-22");
        }
        if (year(user.partnershipId(), fy).isPresent()) {
            throw new InvalidInput("financialYear", "The budget for " + fy + " already exists");
        }
        var before = year(user.partnershipId(), previousYear(fy));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into funding_year (partnership_id, financial_year, basis, basis_description, la_agency_id, icb_agency_id, police_agency_id,
                                          la_share, icb_share, police_share, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.partnershipId(), fy, before.map(Year::basis).orElse(null), before.map(Year::basisDescription).orElse(null),
                        before.map(Year::laAgencyId).orElse(null), before.map(Year::icbAgencyId).orElse(null),
                        before.map(Year::policeAgencyId).orElse(null), before.map(Year::laShare).orElse(null),
                        before.map(Year::icbShare).orElse(null), before.map(Year::policeShare).orElse(null), user.getUsername(),
                        LocalDateTime.now(clock)).update(keys, "id");
        var added = requireYear(user.partnershipId(), fy);
        events.publishEvent(RecordChanged.by(user, "funding year", added.id(), "added", "Added the budget for " + fy, null, added));
        return added;
    }

    /** The basis of the partners' shares, its percentages and description, and which agencies are the three lead partners. */
    @Transactional
    public Year settle(CanopyUser user, String financialYear, Map<String, String> form, int version) {
        requireKeeper(user);
        long p = user.partnershipId();
        var current = requireYear(p, financialYear);
        var problems = new ArrayList<FieldProblem>();
        String basisText = form.getOrDefault("basis", "").strip();
        Basis basis = null;
        if (!basisText.isEmpty() && !basisText.equals("NONE")) {
            try {
                basis = Basis.valueOf(basisText);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("basis", "Choose the basis of the partners' shares"));
            }
        }
        var statutory = statutoryPartners(p);
        var chosen = new EnumMap<LeadPartner, Long>(LeadPartner.class);
        var shares = new EnumMap<LeadPartner, BigDecimal>(LeadPartner.class);
        for (var partner : LeadPartner.values()) {
            String a = form.getOrDefault(partner.field() + "Agency", "").strip();
            if (!a.isEmpty()) {
                var agency = statutory.stream().filter(s -> String.valueOf(s.id()).equals(a)).findFirst();
                if (agency.isEmpty()) {
                    problems.add(FieldProblem.of(partner.field() + "Agency", "Choose a statutory partner of the partnership for the " + partner.label().toLowerCase()));
                } else {
                    chosen.put(partner, agency.get().id());
                }
            }
            if (basis == Basis.POPULATION || basis == Basis.FORMULA) {
                shares.put(partner, percent(partner.field() + "Share", "The " + partner.label().toLowerCase() + "'s share",
                        form.get(partner.field() + "Share"), problems));
            }
        }
        if ((basis == Basis.POPULATION || basis == Basis.FORMULA) && shares.values().stream().allMatch(s -> s != null)
                && Money.sum(new ArrayList<>(shares.values())).compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add(FieldProblem.of("laShare", "The three shares must add up to 100%: they add up to "
                    + Money.sum(new ArrayList<>(shares.values())).stripTrailingZeros().toPlainString() + "%"));
        }
        String description = guard.freeText("basisDescription", "The description of the basis", form.get("basisDescription"),
                basis == Basis.FORMULA, 1000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update funding_year set basis = ?, basis_description = ?, la_agency_id = ?, icb_agency_id = ?, police_agency_id = ?,
                       la_share = ?, icb_share = ?, police_share = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(basis == null ? null : basis.name(), description, chosen.get(LeadPartner.LOCAL_AUTHORITY),
                        chosen.get(LeadPartner.INTEGRATED_CARE_BOARD), chosen.get(LeadPartner.POLICE), shares.get(LeadPartner.LOCAL_AUTHORITY),
                        shares.get(LeadPartner.INTEGRATED_CARE_BOARD), shares.get(LeadPartner.POLICE), current.id(), p, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this year's settings since you opened them: check them again");
        }
        var after = requireYear(p, financialYear);
        events.publishEvent(RecordChanged.by(user, "funding year", current.id(), "changed", "Changed the basis and lead partners for "
                + financialYear, current, after));
        return after;
    }

    /** Publishes the year's funding statement (or withdraws it). */
    @Transactional
    public void publish(CanopyUser user, String financialYear, boolean published) {
        requireKeeper(user);
        var current = requireYear(user.partnershipId(), financialYear);
        jdbc.sql("update funding_year set published = ?, published_by = ?, published_at = ?, version = version + 1 where id = ? and partnership_id = ?")
                .params(published, published ? user.getUsername() : null, published ? LocalDateTime.now(clock) : null, current.id(),
                        user.partnershipId()).update();
        events.publishEvent(RecordChanged.by(user, "funding year", current.id(), published ? "published" : "withdrawn",
                (published ? "Published" : "Withdrew") + " the funding statement for " + financialYear, current,
                requireYear(user.partnershipId(), financialYear)));
    }

    // ---- contributions

    /**
     * Adds or changes an agency's contribution ({@code id} null: a new one). The coordinator sets agreed and received; an
     * agency contributor only the received amount of their own agency.
     */
    @Transactional
    public Contribution saveContribution(CanopyUser user, String financialYear, Long id, String agencyText, String agreedText,
            String receivedText, int version) {
        long p = user.partnershipId();
        var year = requireYear(p, financialYear);
        var existing = id == null ? null : contribution(p, year.id(), id);
        var problems = new ArrayList<FieldProblem>();
        AgencySummary agency;
        if (existing != null) {
            agency = agencies.byId(p, existing.agencyId()).orElse(null);
        } else {
            agency = agencies.agencies(p).stream().filter(a -> String.valueOf(a.id()).equals(agencyText == null ? "" : agencyText.strip()))
                    .findFirst().orElse(null);
        }
        if (!mayRecordFor(user, agency == null ? (user.isAdministrator() ? null : -1L) : agency.id())) {
            throw new AccessDeniedException("Only the coordinator, or the agency's own contributors for what it received, record a contribution");
        }
        if (agency == null) {
            problems.add(FieldProblem.of("agency", "Choose the agency"));
        }
        BigDecimal agreed = keepsMoney(user) ? Money.read("agreed", "The agreed contribution", agreedText, false, problems)
                : existing == null ? null : existing.agreed();
        BigDecimal received = Money.read("received", "The amount received", receivedText, false, problems);
        if (existing == null && agency != null && jdbc.sql("select count(*) from funding_contribution where year_id = ? and agency_id = ?")
                .params(year.id(), agency.id()).query(Integer.class).single() > 0) {
            problems.add(FieldProblem.of("agency", agency.name() + " already has a contribution for " + financialYear + ": change that one"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (existing == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into funding_contribution (partnership_id, year_id, agency_id, agreed, received, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(p, year.id(), agency.id(), agreed, received, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
            var added = contribution(p, year.id(), keys.getKey().longValue());
            events.publishEvent(RecordChanged.by(user, "funding contribution", added.id(), "added", "Added the contribution of " + agency.name()
                    + " for " + financialYear + ": agreed " + Money.pounds(agreed) + ", received " + Money.pounds(received), null, added));
            return added;
        }
        int changed = jdbc.sql("""
                update funding_contribution set agreed = ?, received = ?, updated_by = ?, updated_at = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(agreed, received, user.getUsername(), LocalDateTime.now(clock), existing.id(), p, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this contribution since you opened it: check it again");
        }
        var after = contribution(p, year.id(), existing.id());
        events.publishEvent(RecordChanged.by(user, "funding contribution", existing.id(), "changed", "Changed the contribution of "
                + agency.name() + " for " + financialYear + ": received " + Money.pounds(existing.received()) + " to " + Money.pounds(received),
                existing, after));
        return after;
    }

    /** An agency's received amount from its finance system (API): creates the contribution when the agency has none yet. */
    @Transactional
    public Contribution recordReceived(CanopyUser user, String financialYear, Long agencyId, String receivedText) {
        long p = user.partnershipId();
        var year = requireYear(p, financialYear);
        if (agencyId == null || agencies.byId(p, agencyId).isEmpty()) {
            throw new InvalidInput("agencyId", "Give the id of an agency of the partnership");
        }
        if (!mayRecordFor(user, agencyId)) {
            throw new AccessDeniedException("Only the coordinator or the agency's own contributors record what it paid");
        }
        var problems = new ArrayList<FieldProblem>();
        Money.read("received", "The amount received", receivedText, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var existing = jdbc.sql("select id, agency_id, agreed, received, version from funding_contribution where partnership_id = ? and year_id = ? and agency_id = ?")
                .params(p, year.id(), agencyId).query(Contribution.class).optional();
        return existing.isPresent()
                ? saveContribution(user, financialYear, existing.get().id(), null, Money.plain(existing.get().agreed()), receivedText, existing.get().version())
                : saveContribution(user, financialYear, null, String.valueOf(agencyId), null, receivedText, -1);
    }

    public Contribution contribution(long p, long yearId, long id) {
        return jdbc.sql("select id, agency_id, agreed, received, version from funding_contribution where partnership_id = ? and year_id = ? and id = ?")
                .params(p, yearId, id).query(Contribution.class).optional().orElseThrow(() -> new NotFound("The contribution"));
    }

    // ---- in kind

    /** Adds or changes a contribution in kind: the coordinator for any agency (or none), a contributor for their own agency. */
    @Transactional
    public InKind saveInKind(CanopyUser user, String financialYear, Long id, String agencyText, String kindText, String hoursText,
            String descriptionText, int version) {
        long p = user.partnershipId();
        var year = requireYear(p, financialYear);
        var existing = id == null ? null : inKind(p, year.id(), id);
        var problems = new ArrayList<FieldProblem>();
        String a = agencyText == null ? "" : agencyText.strip();
        AgencySummary agency = a.isEmpty() ? null : agencies.agencies(p).stream().filter(x -> String.valueOf(x.id()).equals(a)).findFirst().orElse(null);
        if (!a.isEmpty() && agency == null) {
            problems.add(FieldProblem.of("agency", "Choose an agency of the partnership"));
        }
        Long agencyId = agency == null ? null : agency.id();
        boolean allowed = user.isAdministrator() || (mayRecordFor(user, agencyId) && agencyId != null
                && (existing == null || agencyId.equals(existing.agencyId())));
        if (!allowed) {
            throw new AccessDeniedException("Only the coordinator, or the agency's own contributors, record its contributions in kind");
        }
        InKindKind kind = null;
        try {
            kind = InKindKind.valueOf(kindText == null ? "" : kindText.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("kind", "Choose what was given in kind"));
        }
        BigDecimal hours = null;
        String h = hoursText == null ? "" : hoursText.strip();
        if (!h.isEmpty()) {
            try {
                hours = new BigDecimal(h);
                if (hours.signum() < 0 || hours.scale() > 1 || hours.compareTo(new BigDecimal("9999999")) > 0) {
                    problems.add(FieldProblem.of("hours", "The hours must be a number of 0 or more, to one decimal place at most"));
                    hours = null;
                }
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of("hours", "The hours must be a number, like 12 or 7.5"));
            }
        }
        String description = guard.freeText("description", "The description", descriptionText, false, 2000, problems, FieldProblem::of);
        if (hours == null && description == null && h.isEmpty()) {
            problems.add(FieldProblem.of("hours", "Enter the hours given, or describe the contribution in words"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (existing == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into funding_in_kind (partnership_id, year_id, agency_id, kind, hours, description, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(p, year.id(), agencyId, kind.name(), hours, description, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
            var added = inKind(p, year.id(), keys.getKey().longValue());
            events.publishEvent(RecordChanged.by(user, "funding in kind", added.id(), "added", "Added a contribution in kind ("
                    + kind.label().toLowerCase() + ") for " + financialYear, null, added));
            return added;
        }
        int changed = jdbc.sql("""
                update funding_in_kind set agency_id = ?, kind = ?, hours = ?, description = ?, updated_by = ?, updated_at = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(agencyId, kind.name(), hours, description, user.getUsername(), LocalDateTime.now(clock), existing.id(), p, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this contribution in kind since you opened it: check it again");
        }
        var after = inKind(p, year.id(), existing.id());
        events.publishEvent(RecordChanged.by(user, "funding in kind", existing.id(), "changed", "Changed a contribution in kind for " + financialYear,
                existing, after));
        return after;
    }

    public InKind inKind(long p, long yearId, long id) {
        return jdbc.sql("select id, agency_id, kind, hours, description, version from funding_in_kind where partnership_id = ? and year_id = ? and id = ?")
                .params(p, yearId, id).query(InKind.class).optional().orElseThrow(() -> new NotFound("The contribution in kind"));
    }

    // ---- outgoings

    /** Adds or changes an outgoing line (the coordinator only): its kind, name, budget and actual to date. */
    @Transactional
    public Outgoing saveOutgoing(CanopyUser user, String financialYear, Long id, String categoryText, String lineText, String budgetText,
            String actualText, int version) {
        requireKeeper(user);
        long p = user.partnershipId();
        var year = requireYear(p, financialYear);
        var existing = id == null ? null : outgoing(p, year.id(), id);
        var problems = new ArrayList<FieldProblem>();
        Category category = null;
        try {
            category = Category.valueOf(categoryText == null ? "" : categoryText.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("category", "Choose the kind of outgoing"));
        }
        String line = guard.freeText("line", "The line's name", lineText, true, 200, problems, FieldProblem::of);
        var budget = Money.read("budget", "The budget", budgetText, false, problems);
        var actual = Money.read("actual", "The actual to date", actualText, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (existing == null) {
            int position = jdbc.sql("select coalesce(max(position), 0) + 1 from funding_outgoing where year_id = ?").param(year.id()).query(Integer.class).single();
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into funding_outgoing (partnership_id, year_id, category, line, budget, actual, position, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(p, year.id(), category.name(), line, budget, actual, position, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
            var added = outgoing(p, year.id(), keys.getKey().longValue());
            events.publishEvent(RecordChanged.by(user, "funding outgoing", added.id(), "added", "Added the outgoing " + line + " for " + financialYear
                    + ": budget " + Money.pounds(budget) + ", actual " + Money.pounds(actual), null, added));
            return added;
        }
        int changed = jdbc.sql("""
                update funding_outgoing set category = ?, line = ?, budget = ?, actual = ?, updated_by = ?, updated_at = ?, version = version + 1
                where id = ? and partnership_id = ? and version = ?""")
                .params(category.name(), line, budget, actual, user.getUsername(), LocalDateTime.now(clock), existing.id(), p, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this outgoing since you opened it: check it again");
        }
        var after = outgoing(p, year.id(), existing.id());
        events.publishEvent(RecordChanged.by(user, "funding outgoing", existing.id(), "changed", "Changed the outgoing " + line + " for "
                + financialYear + ": actual " + Money.pounds(existing.actual()) + " to " + Money.pounds(actual), existing, after));
        return after;
    }

    public Outgoing outgoing(long p, long yearId, long id) {
        return jdbc.sql("select id, category, line, budget, actual, position, version from funding_outgoing where partnership_id = ? and year_id = ? and id = ?")
                .params(p, yearId, id).query(Outgoing.class).optional().orElseThrow(() -> new NotFound("The outgoing"));
    }

    // ---- sign-off

    /** Records a lead partner's sign-off of the year's budget: who signed for them and when (the coordinator or an executive member). */
    @Transactional
    public SignOff signOff(CanopyUser user, String financialYear, String roleText, String signedByText, DateInput on) {
        if (!maySignOff(user)) {
            throw new AccessDeniedException("Only the coordinator or an executive member records a lead partner's sign-off");
        }
        long p = user.partnershipId();
        var year = requireYear(p, financialYear);
        var problems = new ArrayList<FieldProblem>();
        LeadPartner partner = null;
        try {
            partner = LeadPartner.valueOf(roleText == null ? "" : roleText.strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("role", "Choose the lead safeguarding partner who signed off"));
        }
        String signedBy = guard.freeText("signedBy", "Who signed off", signedByText, true, 200, problems, FieldProblem::of);
        LocalDate signedOn = on.read("signedOn", "The date of the sign-off", true, DateInput.Range.PAST, today(), problems);
        if (partner != null && jdbc.sql("select count(*) from funding_sign_off where year_id = ? and lead_role = ?").params(year.id(), partner.name())
                .query(Integer.class).single() > 0) {
            problems.add(FieldProblem.of("role", "The " + partner.label().toLowerCase() + " has already signed off the budget for " + financialYear));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("insert into funding_sign_off (partnership_id, year_id, lead_role, signed_by, signed_on, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(p, year.id(), partner.name(), signedBy, signedOn, user.getUsername(), LocalDateTime.now(clock)).update();
        var signOff = new SignOff(partner.name(), signedBy, signedOn, user.getUsername(), LocalDateTime.now(clock));
        events.publishEvent(RecordChanged.by(user, "funding year", year.id(), "signed-off", "Recorded the " + partner.label().toLowerCase()
                + "'s sign-off of the budget for " + financialYear, null, signOff));
        return signOff;
    }

    private static BigDecimal percent(String field, String label, String text, List<FieldProblem> problems) {
        String t = text == null ? "" : text.strip().replace("%", "");
        if (t.isEmpty()) {
            problems.add(FieldProblem.of(field, "Enter " + label.toLowerCase() + " as a percentage, like 40 or 33.3"));
            return null;
        }
        try {
            var value = new BigDecimal(t);
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > 2) {
                problems.add(FieldProblem.of(field, label + " must be between 0 and 100, with at most 2 decimal places"));
                return null;
            }
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, label + " must be a percentage, like 40 or 33.3"));
            return null;
        }
    }

    private static final String YEAR = """
            select id, financial_year, basis, basis_description, la_agency_id, icb_agency_id, police_agency_id, la_share, icb_share, police_share,
                   published, published_by, published_at, version from funding_year""";
}
