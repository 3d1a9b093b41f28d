/** One ticket per customer problem: its lifecycle, append-only timeline, merging, links and search. */
package org.kefu.ticket;
