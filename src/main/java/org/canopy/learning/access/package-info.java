/** Who may read case records and change learning records, and the identifier check on the free text typed into them. */
package org.canopy.learning.access;
