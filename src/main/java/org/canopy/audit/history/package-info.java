/** The change history: every recorded change stored with its before and after, and the administrator's pages that read it. */
package org.canopy.audit.history;
