/** The shared budget of a financial year: contributions, in kind, outgoings, balance, shares, sign-off, the published statement. */
package org.canopy.funding.budget;
