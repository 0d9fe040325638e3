/**
 * The voice of children and young people: engagement groups and the canvasser programme, the log of what children,
 * young people, families and partners said with its themes, "you said, we did", the yearly factsheet, and the page where
 * a child can tell the partnership something without an account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voice",
        allowedDependencies = {"governance", "partnership", "plan", "privacy", "reporting", "web"})
package org.canopy.voice;
