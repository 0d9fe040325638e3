/**
 * Privacy: keeps identifiable data about children and families out of Canopy (free text is scanned for
 * identifiers) and suppresses small numbers in anything published.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.canopy.privacy;
