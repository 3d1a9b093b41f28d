/** The agent's workspace: ticket views and saved views with counts, bulk work, global search and the customer 360 pages. */
package org.kefu.workspace;
