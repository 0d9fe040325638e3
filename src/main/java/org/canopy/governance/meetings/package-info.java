/** Meetings of a group: scheduling, the agenda (standing items, carried-forward business, members' items), papers, attendance and the quorum, the printable pack and the API. */
package org.canopy.governance.meetings;
