package org.kefu.customer;

/** Filters for the customer list; all optional. */
public record CustomerQuery(String q, String email, String phone, String tier, String organisation, String tag) {
}
