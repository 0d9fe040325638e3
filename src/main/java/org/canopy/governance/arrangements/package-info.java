/** The published safeguarding arrangements: lead and delegated safeguarding partners, relevant agencies, the document's parts, versions and sign-off. */
package org.canopy.governance.arrangements;
