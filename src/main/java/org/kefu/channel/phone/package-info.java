/**
 * Phone: calls logged by agents or reported by a telephony system, each on a ticket (the
 * customer's open one, or a new one with channel PHONE), and who a caller is before the ticket exists.
 */
package org.kefu.channel.phone;
