/** Data rounds: opening a round, contributors' submissions, quality assurance, closing. */
package org.canopy.data.rounds;
