/** Who may read and write scrutiny records: the scrutineer, young scrutineers (their own group only), the administrator. */
package org.canopy.scrutiny.access;
