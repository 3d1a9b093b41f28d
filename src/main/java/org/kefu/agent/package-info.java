/** Knows the people who work the desk: agents, their departments, teams, skills and API tokens. */
package org.kefu.agent;
