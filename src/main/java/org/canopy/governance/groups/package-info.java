/** Groups: the partnership's groups, their functions and members, the groups pages, and the demo partnership's structure. */
package org.canopy.governance.groups;
