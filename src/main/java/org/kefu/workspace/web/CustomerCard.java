package org.kefu.workspace.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerTier;
import org.kefu.platform.Channel;
import org.kefu.ticket.Priority;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketStatus;

/** A customer as the workspace pages show it, read inside the transaction (no lazy loading in templates). */
record CustomerCard(long id, String name, String tierCode, String tierName, boolean vip, String organisation,
        BigDecimal lifetimeValue, String preferredLanguage, List<Contact> emails, List<Contact> phones,
        List<Identity> identities, List<String> tags, String notes, Instant createdAt) {

    record Contact(String value, boolean verified) {
    }

    record Identity(Channel channel, String externalId, String displayName) {
    }

    /** One earlier ticket of the customer: what it was, where it stands and how it ended. */
    record TicketLine(long id, String number, String subject, TicketStatus status, Priority priority, Channel channel,
            Instant createdAt, Instant resolvedAt, String outcome) {

        static TicketLine of(Ticket t) {
            return new TicketLine(t.getId(), t.getNumber(), t.getSubject(), t.getStatus(), t.getPriority(), t.getChannel(),
                    t.getCreatedAt(), t.getResolvedAt(), t.getConfirmedProblem());
        }
    }

    static CustomerCard of(Customer c) {
        CustomerTier tier = c.getTier();
        return new CustomerCard(c.getId(), c.getName(), tier.getCode(), tier.getName(), c.isVip(),
                c.getOrganisation().map(o -> o.getName()).orElse(null), c.getLifetimeValue(), c.getPreferredLanguage(),
                c.getEmails().stream().map(e -> new Contact(e.getEmail(), e.isVerified())).toList(),
                c.getPhones().stream().map(p -> new Contact(p.getPhone(), p.isVerified())).toList(),
                c.getIdentities().stream().map(i -> new Identity(i.getChannel(), i.getExternalId(), i.getDisplayName())).toList(),
                c.getTags().stream().sorted().toList(), c.getNotes(), c.getCreatedAt());
    }

    /** The short line of the customer list (no collections beyond the first email). */
    static CustomerCard brief(Customer c) {
        CustomerTier tier = c.getTier();
        return new CustomerCard(c.getId(), c.getName(), tier.getCode(), tier.getName(), c.isVip(),
                c.getOrganisation().map(o -> o.getName()).orElse(null), c.getLifetimeValue(), c.getPreferredLanguage(),
                c.getEmails().stream().limit(1).map(e -> new Contact(e.getEmail(), e.isVerified())).toList(),
                List.of(), List.of(), List.of(), null, c.getCreatedAt());
    }
}
