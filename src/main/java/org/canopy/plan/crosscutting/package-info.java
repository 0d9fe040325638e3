/** Cross-cutting tags: the partnership's own tagging of actions with the plan's cross-cutting priorities. */
package org.canopy.plan.crosscutting;
