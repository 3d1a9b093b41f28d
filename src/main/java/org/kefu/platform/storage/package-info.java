/** Database plumbing shared by all modules: what the schema migrations need to run on H2 and PostgreSQL. */
package org.kefu.platform.storage;
