/**
 * Independent scrutiny: the scrutineer's plan for the year framed by the scrutiny functions, challenges to groups and
 * agencies with their answers, young scrutineers, and the scrutineer's yearly statement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scrutiny",
        allowedDependencies = {"governance", "partnership", "plan", "privacy", "reporting", "web"})
package org.canopy.scrutiny;
