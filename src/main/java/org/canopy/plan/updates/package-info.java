/** Progress updates: quarterly update rounds, who updates each action, the updates themselves, and the rounds page with the plan's loading and exports. */
package org.canopy.plan.updates;
