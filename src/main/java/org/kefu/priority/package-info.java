/**
 * Priority (优先级管理): a 0–100 score from urgency, impact scope, customer value and complexity, mapped to
 * P1–P4 and to the urgent/important quadrant, kept per ticket with its explanation and an agent's override.
 */
package org.kefu.priority;
