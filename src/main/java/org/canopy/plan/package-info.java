/**
 * The plan: the partnership's multi-year plan (sections, priorities, actions, lead groups, progress
 * indicators, cross-cutting priorities, linked strategies) and its delivery, tracked quarter by quarter.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan", allowedDependencies = {"governance", "partnership", "privacy", "reporting", "web"})
package org.canopy.plan;
