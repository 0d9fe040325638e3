/** The strategic boards and partnerships linked to the partnership, the priorities held jointly with them and the items referred to and from them. */
package org.canopy.governance.boards;
