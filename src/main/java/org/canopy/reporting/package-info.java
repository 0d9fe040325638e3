/**
 * Reporting: the reports and exports the partnership publishes. Today it holds the table export every
 * module uses for CSV and Excel downloads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = {})
package org.canopy.reporting;
