/**
 * Working on a ticket together: transfers to another agent, team or department with a reason (转接), and
 * questions to another department that stay with the ticket (跨部门协作).
 */
package org.kefu.collaboration;
