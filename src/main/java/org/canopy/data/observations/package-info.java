/** The store every feature reads: areas, indicators, figures with their revisions and targets, their statistical signals, and the bulk writer of figures. */
package org.canopy.data.observations;
