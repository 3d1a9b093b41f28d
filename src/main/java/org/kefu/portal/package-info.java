/**
 * The customer portal: customers sign in with a one-time link or their own password, submit tickets
 * (the web-form channel), follow their own tickets, reply and reopen. Pages and security in {@code web}.
 */
package org.kefu.portal;
