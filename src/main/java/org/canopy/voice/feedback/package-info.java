/** The feedback log: what children, young people, families and partners said, its themes and "you said, we did". */
package org.canopy.voice.feedback;
