/** Plans: storing a loaded plan and reading it back with each action's latest update, its pages and API, and the priorities other modules link to. */
package org.canopy.plan.plans;
