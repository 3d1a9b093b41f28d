/** Complaint type and topic suggestions (问题分类): admin keyword rules plus a naive Bayes model learned from agents' confirmations. */
package org.kefu.insight.classify;
