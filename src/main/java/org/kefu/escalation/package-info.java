/**
 * Escalation and follow-up: escalation rules that fire once on SLA warnings and breaches, unassigned
 * urgent tickets and VIP repeat contacts; in-app and email notifications; agents' reminders and
 * demand-deadline (诉求时效) reminders.
 */
package org.kefu.escalation;
