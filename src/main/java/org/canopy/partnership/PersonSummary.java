package org.canopy.partnership;

/** A person as other modules see them: enough to name them and their agency. */
public record PersonSummary(long id, String username, String displayName, Role role, String agencyName,
        String email, boolean enabled) {
}
