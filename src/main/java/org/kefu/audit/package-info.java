/** Keeps the audit log of administrative and security events; it only listens to events. */
package org.kefu.audit;
