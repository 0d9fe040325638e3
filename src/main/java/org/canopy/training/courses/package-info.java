/** Courses, sessions and training needs; bookings with a waiting list, attendance and the three-step evaluation. */
package org.canopy.training.courses;
