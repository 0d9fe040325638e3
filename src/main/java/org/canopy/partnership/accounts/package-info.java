/** People's accounts, agencies, partnerships and API tokens, the administrator's pages for them, and the create-admin command. */
package org.canopy.partnership.accounts;
