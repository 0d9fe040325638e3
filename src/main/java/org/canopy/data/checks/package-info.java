/** The checks a figure passes before it is stored: its unit's rules, identifiers in narratives, rates against counts and populations, outliers and signals. */
package org.canopy.data.checks;
