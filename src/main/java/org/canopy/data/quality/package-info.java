/** Data quality: the inconsistencies among the stored figures, to correct or explain, and each indicator's expected range. */
package org.canopy.data.quality;
