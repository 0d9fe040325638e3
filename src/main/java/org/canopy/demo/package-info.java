/**
 * Demo mode: loads the partnership the two seed documents describe by calling each module's demo entry in the
 * order their records depend on each other (partnership, groups, plan, figures, learning, scrutiny, voice, the priorities set from them, risks, funding, training), in one transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"partnership", "governance", "plan", "data", "learning", "scrutiny", "voice", "risk", "funding", "training"})
package org.canopy.demo;
