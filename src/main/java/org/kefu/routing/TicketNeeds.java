package org.kefu.routing;

/**
 * What a ticket asks of its agent: the customer's language, the product and the complaint type
 * (each may be null), and whether the customer is VIP or angry (senior agents first for both:
 * an emotional complaint goes to experienced hands).
 */
record TicketNeeds(String language, String product, String complaintType, boolean vip, boolean angry) {

    TicketNeeds(String language, String product, String complaintType, boolean vip) {
        this(language, product, complaintType, vip, false);
    }

    boolean seniorFirst() {
        return vip || angry;
    }
}
