package org.kefu.channel;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.CustomerEmail;
import org.kefu.customer.CustomerIdentity;
import org.kefu.customer.NewCustomer;
import org.kefu.customer.PhoneNumbers;
import org.kefu.platform.Channel;
import org.kefu.platform.storage.InList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One customer across channels. Where a channel meets a person it asks here who that is:
 * an identity already seen on that channel, else a customer whose <em>verified</em> email or
 * phone matches (automatic), else a new customer carrying what the channel knows. Everything
 * weaker (same name, the same phone written another way, an email seen as another channel's id)
 * is only {@linkplain #possibleDuplicates(long) suggested}; an agent decides and merges.
 *
 * <p>Phone calls are the exception that the caller id <em>is</em> the channel's identity: a
 * number matches a customer with that number verified, else the single customer who has it.
 */
@Service
@Transactional
public class CustomerMatching {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-.]{3,39}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}$");
    static final int SUGGESTIONS = 10;

    private final CustomerDirectory customers;
    private final EntityManager entityManager;
    private final String countryCode;

    CustomerMatching(CustomerDirectory customers, EntityManager entityManager,
            @Value("${kefu.channel.phone.default-country-code:86}") String countryCode) {
        this.customers = customers;
        this.entityManager = entityManager;
        this.countryCode = countryCode.replaceAll("[^0-9]", "");
    }

    /** Why a customer is suggested as the same person as another. */
    public enum Reason {
        SAME_NAME, SAME_PHONE, EMAIL_AS_IDENTITY
    }

    /** Another customer that may be the same person, with every reason found. */
    public record Suggestion(long customerId, String name, Set<Reason> reasons) {
    }

    /**
     * The customer behind an identity on a channel; found, matched on a verified email or phone,
     * or created with the identity (and the email and phone as unverified contacts).
     */
    public Customer forIdentity(Channel channel, String externalId, String displayName, String email, String phone) {
        Optional<Customer> known = findIdentity(channel, externalId);
        if (known.isPresent()) {
            return known.get();
        }
        NewCustomer.IdentityRef identity = new NewCustomer.IdentityRef(channel, externalId, displayName);
        Optional<Customer> matched = verifiedEmailOwner(email).or(() -> verifiedPhoneOwner(phone));
        if (matched.isPresent()) {
            return customers.attachIdentity(matched.get().getId(), identity);
        }
        // an email someone already has is left out of the new customer (not verified: it may not be theirs)
        String cleanEmail = email != null && EMAIL.matcher(email.strip()).matches() ? email.strip() : null;
        String cleanPhone = phone != null && PHONE.matcher(phone.strip()).matches() ? phone.strip() : null;
        String name = displayName != null && !displayName.isBlank() ? displayName.strip() : externalId;
        return customers.findOrCreateByIdentity(new NewCustomer(truncate(name, 200),
                cleanEmail == null ? List.of() : List.of(cleanEmail), cleanPhone == null ? List.of() : List.of(cleanPhone),
                List.of(identity), null, null, null, null, null, null));
    }

    /** The customer behind a caller number, if the number identifies one (see the class comment). */
    @Transactional(readOnly = true)
    public Optional<Customer> forCaller(String number) {
        List<Customer> candidates = callerCandidates(number);
        Set<String> variants = phoneVariants(number);
        Optional<Customer> verified = candidates.stream()
                .filter(c -> c.getPhones().stream().anyMatch(p -> p.isVerified() && variants.contains(p.getPhoneDigits())))
                .findFirst();
        if (verified.isPresent()) {
            return verified;
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** The customer behind a caller number, or a new one named by the number, with it. */
    public Customer forCallerOrNew(String number, String name) {
        return forCaller(number).orElseGet(() -> customers.create(new NewCustomer(
                truncate(name == null || name.isBlank() ? number.strip() : name.strip(), 200), List.of(),
                PHONE.matcher(number.strip()).matches() ? List.of(number.strip()) : List.of(), List.of(), null, null, null,
                null, null, null)));
    }

    /** Every (not merged) customer who has this number, written in any of its usual forms; newest first, at most 10. */
    @Transactional(readOnly = true)
    public List<Customer> callerCandidates(String number) {
        Set<String> variants = phoneVariants(number);
        if (variants.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        return InList.bind(entityManager.createQuery("select distinct p.customer from CustomerPhone p where "
                        + InList.of(params, "p.phoneDigits", "digits", variants) + " and p.customer.mergedIntoId is null",
                        Customer.class), params)
                .setMaxResults(SUGGESTIONS).getResultList().stream()
                .sorted(Comparator.comparing(Customer::getCreatedAt).reversed()).toList();
    }

    /**
     * Other customers who may be this one: the same name, one of its phones in another form, or one
     * of its emails used as an identity (or the other way round). At most 10, never merged ones.
     */
    @Transactional(readOnly = true)
    public List<Suggestion> possibleDuplicates(long customerId) {
        Customer customer = customers.get(customerId);
        Map<Long, Suggestion> found = new LinkedHashMap<>();
        entityManager.createQuery("select c from Customer c where c.name = :name and c.id <> :id and c.mergedIntoId is null",
                        Customer.class)
                .setParameter("name", customer.getName()).setParameter("id", customerId).setMaxResults(SUGGESTIONS)
                .getResultList().forEach(c -> add(found, c, Reason.SAME_NAME));
        Set<String> digits = new LinkedHashSet<>();
        customer.getPhones().forEach(p -> digits.addAll(phoneVariants(p.getPhoneDigits())));
        if (!digits.isEmpty()) {
            Map<String, Object> params = new HashMap<>();
            InList.bind(entityManager.createQuery("select distinct p.customer from CustomerPhone p where "
                            + InList.of(params, "p.phoneDigits", "digits", digits)
                            + " and p.customer.id <> :id and p.customer.mergedIntoId is null", Customer.class), params)
                    .setParameter("id", customerId).setMaxResults(SUGGESTIONS)
                    .getResultList().forEach(c -> add(found, c, Reason.SAME_PHONE));
        }
        Set<String> emails = new LinkedHashSet<>();
        customer.getEmails().stream().map(CustomerEmail::getEmail).forEach(emails::add);
        if (!emails.isEmpty()) {
            Map<String, Object> params = new HashMap<>();
            InList.bind(entityManager.createQuery("select distinct i.customer from CustomerIdentity i where "
                            + InList.of(params, "lower(i.externalId)", "emails", emails)
                            + " and i.customer.id <> :id and i.customer.mergedIntoId is null", Customer.class), params)
                    .setParameter("id", customerId).setMaxResults(SUGGESTIONS)
                    .getResultList().forEach(c -> add(found, c, Reason.EMAIL_AS_IDENTITY));
        }
        for (CustomerIdentity identity : customer.getIdentities()) {
            String id = identity.getExternalId().toLowerCase(Locale.ROOT);
            String email = id.contains(":") ? id.substring(id.lastIndexOf(':') + 1) : id;
            if (EMAIL.matcher(email).matches()) {
                customers.findByEmail(email).filter(c -> !c.getId().equals(customerId) && c.getMergedIntoId() == null)
                        .ifPresent(c -> add(found, c, Reason.EMAIL_AS_IDENTITY));
            }
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(SUGGESTIONS, found.size()));
    }

    /**
     * The digit forms a number is commonly stored in: as given, with and without the default
     * country code (+86 138... and 138...), and 00 as +.
     */
    public Set<String> phoneVariants(String number) {
        Set<String> variants = new LinkedHashSet<>();
        if (number == null) {
            return variants;
        }
        String d = PhoneNumbers.digits(number);
        if (d.replace("+", "").length() < 3) {
            return variants;
        }
        if (d.startsWith("00")) {
            d = "+" + d.substring(2);
        }
        variants.add(d);
        if (d.startsWith("+")) {
            variants.add(d.substring(1));
            if (!countryCode.isEmpty() && d.startsWith("+" + countryCode)) {
                variants.add(d.substring(1 + countryCode.length()));
                variants.add("00" + d.substring(1));
            }
        } else {
            variants.add("+" + d);
            if (!countryCode.isEmpty()) {
                variants.add("+" + countryCode + d);
                variants.add(countryCode + d);
                if (d.startsWith(countryCode) && d.length() > countryCode.length() + 6) {
                    variants.add(d.substring(countryCode.length()));
                }
            }
        }
        return variants;
    }

    private Optional<Customer> findIdentity(Channel channel, String externalId) {
        List<Customer> found = entityManager.createQuery("select i.customer from CustomerIdentity i"
                        + " where i.channel = :channel and i.externalId = :externalId", Customer.class)
                .setParameter("channel", channel).setParameter("externalId", externalId).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Customer customer = found.get(0);
        return Optional.of(customer.getMergedIntoId() == null ? customer : customers.get(customer.getMergedIntoId()));
    }

    private Optional<Customer> verifiedEmailOwner(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            return Optional.empty();
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        return customers.findByEmail(normalised)
                .filter(c -> c.getMergedIntoId() == null)
                .filter(c -> c.getEmails().stream().anyMatch(e -> e.isVerified() && e.getEmail().equals(normalised)));
    }

    private Optional<Customer> verifiedPhoneOwner(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        Set<String> variants = phoneVariants(phone);
        return callerCandidates(phone).stream()
                .filter(c -> c.getPhones().stream().anyMatch(p -> p.isVerified() && variants.contains(p.getPhoneDigits())))
                .findFirst();
    }

    private static void add(Map<Long, Suggestion> found, Customer customer, Reason reason) {
        found.computeIfAbsent(customer.getId(),
                id -> new Suggestion(id, customer.getName(), new java.util.TreeSet<>())).reasons().add(reason);
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
