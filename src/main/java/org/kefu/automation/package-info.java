/**
 * Reply templates (预设回复模板) with variables and language variants, and macros that reply and set
 * ticket fields in one step through the ticket module's work API.
 */
package org.kefu.automation;
