/** Action lists and the decisions register: what a group's meetings leave behind (the partnership keeps action lists, not minutes). */
package org.canopy.governance.actions;
