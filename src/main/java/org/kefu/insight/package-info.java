/** Insight: reading customers' messages — emotion now; complaint type, topics and reports later. */
package org.kefu.insight;
