/** The outbox: every email stored, then sent by SMTP when a mail server is set, and its sender setting. */
package org.canopy.partnership.outbox;
