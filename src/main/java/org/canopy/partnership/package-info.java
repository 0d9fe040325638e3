/**
 * The partnership: its tenants, agencies, people, their roles and how they sign in. Every other
 * module stands on it and publishes {@link org.canopy.partnership.RecordChanged} for the audit history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnership", allowedDependencies = {"web"})
package org.canopy.partnership;
