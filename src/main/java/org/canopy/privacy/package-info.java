/**
 * Privacy: keeps identifiable data about children and families out of Canopy (free text is scanned for
 * identifiers) and suppresses small numbers in anything published. It depends on no other module, not even
 * {@code web}: it answers in its own {@link org.canopy.privacy.TextProblem} and callers map that to their pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = {})
package org.canopy.privacy;
