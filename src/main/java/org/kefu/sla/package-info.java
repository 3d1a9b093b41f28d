/** Service levels: business calendars, SLA policies and the persistent clocks that say by when each ticket is due. */
package org.kefu.sla;
