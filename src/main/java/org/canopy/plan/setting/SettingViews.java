package org.canopy.plan.setting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.canopy.plan.ThreadStrand;
import org.canopy.web.StatusTag;

/** The read side of priority-setting rounds, as pages and the API show them. */
public final class SettingViews {

    private SettingViews() {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Where a round stands. */
    public enum RoundStatus implements StatusTag {
        GATHERING("Gathering evidence", "govuk-tag--yellow"), DECIDED("Decided", "govuk-tag--green");

        private final Tag tag;

        RoundStatus(String label, String tagClass) {
            tag = new Tag(label, tagClass);
        }

        @Override
        public Tag tag() {
            return tag;
        }
    }

    /** A round's own record: what it is, when, and the decision once recorded. */
    public record Round(long id, String title, String heldWhen, LocalDate startsOn, LocalDate endsOn, String summary,
            RoundStatus status, Long decidedByGroupId, String decidedByGroup, String decidedWhen, LocalDate decidedOn,
            String decisionReasons, String decisionRecordedBy, LocalDateTime decisionRecordedAt, Long planId,
            String createdBy, LocalDateTime createdAt, int version) {

        /** When it took place, in words and/or dates. */
        public String when() {
            return words(heldWhen, startsOn, endsOn);
        }

        /** When the decision was made, in words and/or its date. */
        public String decidedWhenText() {
            return words(decidedWhen, decidedOn, null);
        }

        public boolean decided() {
            return status == RoundStatus.DECIDED;
        }
    }

    static String words(String words, LocalDate from, LocalDate to) {
        String dates = from == null ? (to == null ? null : "until " + DATE.format(to))
                : to == null || to.equals(from) ? DATE.format(from) : DATE.format(from) + " to " + DATE.format(to);
        if (words == null || words.isBlank()) {
            return dates == null ? "Not stated" : dates;
        }
        return dates == null ? words : words + " (" + dates + ")";
    }

    /** What an evidence item cites in Canopy, as it stood when cited. */
    public record Citation(ThreadStrand strand, String kind, String ref, String title, String href) {
    }

    /** One evidence item: its kind, the outcome in words, what it cites. */
    public record Evidence(long id, EvidenceKind kind, int position, String description, List<Citation> citations,
            String addedBy, LocalDateTime addedAt) {
    }

    /** The evidence for a candidate, with the words that tie them where a source states it. */
    public record Basis(long evidenceId, String basis) {
    }

    /** A candidate priority with its evidence; once chosen, its lead group and the plan priority it became. */
    public record Candidate(long id, int position, String title, String description, boolean chosen, Long groupId,
            Long priorityId, List<Basis> evidence) {

        public boolean cites(long evidenceId) {
            return evidence.stream().anyMatch(b -> b.evidenceId() == evidenceId);
        }

        public String basisFor(long evidenceId) {
            for (var b : evidence) {
                if (b.evidenceId() == evidenceId) {
                    return b.basis();
                }
            }
            return null;
        }
    }

    /** A whole round. */
    public record RoundView(Round round, List<Evidence> evidence, List<Candidate> candidates) {

        public List<Evidence> ofKind(EvidenceKind kind) {
            return evidence.stream().filter(e -> e.kind() == kind).toList();
        }

        public Optional<Evidence> item(long id) {
            return evidence.stream().filter(e -> e.id() == id).findFirst();
        }

        /** The evidence items a candidate rests on, in the round's order. */
        public List<Evidence> evidenceFor(Candidate candidate) {
            return evidence.stream().filter(e -> candidate.cites(e.id())).toList();
        }

        public List<Candidate> chosen() {
            return candidates.stream().filter(Candidate::chosen).toList();
        }

        public List<EvidenceKind> kinds() {
            return List.of(EvidenceKind.values());
        }
    }

    /** The round and candidate a plan priority was chosen in, with the evidence that chose it. */
    public record ChosenBy(Round round, Candidate candidate, List<Evidence> evidence) {
    }
}
