/** Young scrutineers: one per priority, known by a first or chosen name only. */
package org.canopy.scrutiny.young;
