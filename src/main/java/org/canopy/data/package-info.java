/**
 * The multi-agency data dashboard: the indicator catalogue, figures by period and area with their
 * narrative, benchmarks, statistical process control signals and the published (suppressed) view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data", allowedDependencies = {"governance", "partnership", "plan", "privacy", "reporting", "web"})
package org.canopy.data;
