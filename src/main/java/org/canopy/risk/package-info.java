/**
 * The risk register: risks with cause and effect, owner, the priorities and groups they bear on, inherent, current and
 * target scores on a 5 by 5 matrix, controls, actions and reviews; a risk above the partnership's tolerance goes to the
 * Executive by itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk",
        allowedDependencies = {"governance", "partnership", "plan", "privacy", "reporting", "web"})
package org.canopy.risk;
