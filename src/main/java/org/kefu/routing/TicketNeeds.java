package org.kefu.routing;

/**
 * What a ticket asks of its agent: the customer's language, the product and the complaint type
 * (each may be null), and whether the customer is VIP (senior agents first).
 */
record TicketNeeds(String language, String product, String complaintType, boolean vip) {
}
