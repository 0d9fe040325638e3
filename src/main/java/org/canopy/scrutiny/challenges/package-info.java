/** Challenges from the scrutineers to groups and agencies, their answers, and their place on the groups' agendas. */
package org.canopy.scrutiny.challenges;
