/** Knows the customers: who they are, how they reach us, their tier and value. */
package org.kefu.customer;
