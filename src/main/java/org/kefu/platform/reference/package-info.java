/**
 * Node-local caches of reference data (settings admins change rarely, read on every ticket and message), kept correct
 * across several nodes by one version row per kind.
 */
package org.kefu.platform.reference;
