/**
 * Shared foundation every module may use: errors, paging, security, time, search analysis.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kefu.platform;
