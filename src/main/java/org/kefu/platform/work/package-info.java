/** Work run off the request thread: bounded virtual-thread workers shared by the modules. */
package org.kefu.platform.work;
