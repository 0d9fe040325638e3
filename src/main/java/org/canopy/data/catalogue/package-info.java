/** The indicator catalogue: indicators and areas with their units, polarity and frequency, loaded from a catalogue file or the demo seed. */
package org.canopy.data.catalogue;
