/**
 * The training programme: courses and sessions answering training needs drawn from the partnership's own evidence,
 * bookings with a waiting list, attendance and non-attendance by agency, and evaluation in three steps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
        allowedDependencies = {"governance", "partnership", "plan", "privacy", "reporting", "web"})
package org.canopy.training;
