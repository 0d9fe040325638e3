/**
 * Audit: the change history of everything. It listens to {@link org.canopy.partnership.RecordChanged}
 * inside the changing transaction, so a change and its history entry are stored together or not at all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"partnership"})
package org.canopy.audit;
