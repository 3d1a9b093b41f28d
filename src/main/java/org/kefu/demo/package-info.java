/** Fills an empty desk with realistic demo data (KEFU_DEMO=false turns it off). */
package org.kefu.demo;
