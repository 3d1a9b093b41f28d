/**
 * Service goals (服务目标): supervisors' targets such as "96% of email tickets first-answered within 2
 * business hours", and their attainment per day, week and month. Listens to ticket events; nothing calls
 * into it except its own pages and API. See docs/service-rules.md and docs/adr/0008-sla-due-sort-and-goal-outcomes.md.
 */
package org.kefu.goals;
