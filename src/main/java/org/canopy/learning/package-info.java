/**
 * Learning from serious cases and audits: serious incident notifications and their statutory clocks,
 * rapid reviews, local child safeguarding practice reviews, legacy serious case reviews, audits, the one
 * action plan of recommendations, seven-minute briefings and the learning library.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Learning", allowedDependencies = {"governance", "partnership", "plan", "privacy", "reporting", "web"})
package org.canopy.learning;
