package org.kefu.ticket;

/**
 * A rule another module adds for what an agent sends to a customer, checked before the reply is
 * written (e.g. the automation module refuses a reply that still holds an unfilled template
 * placeholder). Throws to refuse; internal notes and customer messages are not checked.
 */
public interface OutgoingReplyCheck {

    void check(String body);
}
