package org.canopy.partnership;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The partnership's agencies, for other modules. {@link #agencies} holds every agency, past ones included, so a record
 * of 2020-21 keeps the name of the agency of its day; today's lists use {@link #agenciesOn} and {@link #standingFor}.
 */
public interface AgencyDirectory {

    /** Every agency of the partnership, past ones included, statutory partners first. */
    List<AgencySummary> agencies(long partnershipId);

    /** The agency of that name (ignoring case) in the partnership. */
    default Optional<AgencySummary> byName(long partnershipId, String name) {
        return agencies(partnershipId).stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The agency with that id in the partnership. */
    default Optional<AgencySummary> byId(long partnershipId, long id) {
        return agencies(partnershipId).stream().filter(a -> a.id() == id).findFirst();
    }

    /** The agencies of the partnership that existed on the day. */
    default List<AgencySummary> agenciesOn(long partnershipId, LocalDate day) {
        return agencies(partnershipId).stream().filter(a -> a.existedOn(day)).toList();
    }

    /**
     * The agency that stands on the day for the one given: itself while it existed, else its successor's successor and
     * so on, up to the first that existed on the day (the CCG on 2026-12-02 is the ICB). Empty when the agency is not
     * the partnership's; the last agency in the line when none existed on the day.
     */
    default Optional<AgencySummary> standingFor(long partnershipId, long agencyId, LocalDate day) {
        var all = agencies(partnershipId);
        var current = all.stream().filter(a -> a.id() == agencyId).findFirst();
        var seen = new HashSet<Long>();
        while (current.isPresent() && !current.get().existedOn(day) && current.get().successorId() != null
                && seen.add(current.get().id())) {
            long next = current.get().successorId();
            var successor = all.stream().filter(a -> a.id() == next).findFirst();
            if (successor.isEmpty()) {
                break;
            }
            current = successor;
        }
        return current;
    }

    /** The agencies that the given one succeeded (directly), oldest first. */
    default List<AgencySummary> predecessorsOf(long partnershipId, long agencyId) {
        return agencies(partnershipId).stream().filter(a -> a.successorId() != null && a.successorId() == agencyId)
                .sorted(java.util.Comparator.comparing(a -> a.until() == null ? LocalDate.MAX : a.until())).toList();
    }
}
