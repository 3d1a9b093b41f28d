/** Routing and assignment (智能路由): rules that send new tickets to a team, and each team's way of handing them to agents. */
package org.kefu.routing;
