package org.kefu.customer.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerTier;
import org.kefu.platform.Channel;

record CustomerView(long id, String name, List<EmailView> emails, List<PhoneView> phones, List<IdentityView> identities,
        TierView tier, String organisation, String preferredLanguage, BigDecimal lifetimeValue, Set<String> tags,
        String notes, Long mergedIntoId, Instant createdAt, Instant updatedAt) {

    record EmailView(String email, boolean verified) {
    }

    record PhoneView(String phone, boolean verified) {
    }

    record IdentityView(Channel channel, String externalId, String displayName) {
    }

    record TierView(long id, String code, String name, int rank) {

        static TierView of(CustomerTier tier) {
            return new TierView(tier.getId(), tier.getCode(), tier.getName(), tier.getRank());
        }
    }

    static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getName(),
                c.getEmails().stream().map(e -> new EmailView(e.getEmail(), e.isVerified())).toList(),
                c.getPhones().stream().map(p -> new PhoneView(p.getPhone(), p.isVerified())).toList(),
                c.getIdentities().stream().map(i -> new IdentityView(i.getChannel(), i.getExternalId(), i.getDisplayName())).toList(),
                TierView.of(c.getTier()), c.getOrganisation().map(o -> o.getName()).orElse(null), c.getPreferredLanguage(),
                c.getLifetimeValue(), c.getTags(), c.getNotes(), c.getMergedIntoId(), c.getCreatedAt(), c.getUpdatedAt());
    }
}
