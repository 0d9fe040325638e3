/** The dashboard: tiles and indicator pages with their series, control charts, benchmarks and targets, exports, and the module's navigation entry. */
package org.canopy.data.dashboard;
