/** Signing in and who may reach what: the security rules, the sign-in page and its throttle, and what every page shows of the signed-in person. */
package org.canopy.partnership.signin;
