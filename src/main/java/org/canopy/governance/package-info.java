/**
 * Governance: the partnership's groups (executive, sub-groups, task and finish groups, priority groups,
 * panels, boards, teams) and who belongs to them. Membership decides who may update a priority's actions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance", allowedDependencies = {"partnership", "privacy", "reporting", "web"})
package org.canopy.governance;
