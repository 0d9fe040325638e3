/** The partnership's data version, moved on by every change, and what is cached against it. */
package org.canopy.partnership.versions;
