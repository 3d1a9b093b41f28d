package org.kefu.customer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.hibernate.search.mapper.orm.Search;
import org.kefu.platform.ConflictException;
import org.kefu.platform.Cursor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Slice;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.kefu.platform.search.SearchText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, finding and listing customers. */
@Service
@Transactional
public class CustomerDirectory {

    private final Customers customers;
    private final CustomerTiers tiers;
    private final Organisations organisations;
    private final EntityManager entityManager;
    private final ContactClaims claims;
    private final Clock clock;
    private final ReferenceCache<TierRanking> ranking;

    CustomerDirectory(Customers customers, CustomerTiers tiers, Organisations organisations,
            EntityManager entityManager, ContactClaims claims, Clock clock, ReferenceData references) {
        this.customers = customers;
        this.tiers = tiers;
        this.organisations = organisations;
        this.entityManager = entityManager;
        this.claims = claims;
        this.clock = clock;
        this.ranking = references.cache("customer.tiers", () -> new TierRanking(tiers.findAllByOrderByRankDesc().stream()
                .map(t -> new TierRanking.Tier(t.getId(), t.getCode(), t.getName(), t.getRank())).toList()));
    }

    public Customer create(NewCustomer command) {
        Instant now = clock.instant();
        Set<String> emails = normaliseEmails(command.emails());
        emails.forEach(email -> ensureEmailFree(email, null));
        Customer customer = described(command, now);
        emails.forEach(email -> customer.addEmail(email, false, now));
        command.phones().forEach(phone -> customer.addPhone(phone, false, now));
        command.identities().forEach(identity -> {
            ensureIdentityFree(identity, null);
            customer.addIdentity(identity.channel(), identity.externalId(), identity.displayName(), now);
        });
        return customers.save(customer);
    }

    private Customer described(NewCustomer command, Instant now) {
        Customer customer = new Customer(command.name(), tier(command.tier()), now);
        customer.classify(customer.getTier(), organisation(command.organisation()), command.preferredLanguage(), now);
        customer.describe(command.lifetimeValue() == null ? BigDecimal.ZERO : command.lifetimeValue(), command.notes(),
                cleanTags(command.tags()), now);
        return customer;
    }

    public Customer update(long id, CustomerChanges changes) {
        Instant now = clock.instant();
        Customer customer = get(id);
        if (changes.name() != null) {
            customer.rename(changes.name(), now);
        }
        if (changes.tier() != null || changes.organisation() != null || changes.preferredLanguage() != null) {
            customer.classify(
                    changes.tier() == null ? customer.getTier() : tier(changes.tier()),
                    changes.organisation() == null ? customer.getOrganisation().orElse(null)
                            : changes.organisation().isBlank() ? null : organisation(changes.organisation()),
                    changes.preferredLanguage() == null ? customer.getPreferredLanguage() : changes.preferredLanguage(),
                    now);
        }
        if (changes.lifetimeValue() != null || changes.notes() != null || changes.tags() != null) {
            customer.describe(
                    changes.lifetimeValue() == null ? customer.getLifetimeValue() : changes.lifetimeValue(),
                    changes.notes() == null ? customer.getNotes() : changes.notes(),
                    changes.tags() == null ? customer.getTags() : cleanTags(changes.tags()),
                    now);
        }
        if (changes.emails() != null) {
            Set<String> emails = normaliseEmails(changes.emails());
            emails.forEach(email -> ensureEmailFree(email, customer.getId()));
            customer.replaceEmails(emails, now);
        }
        if (changes.phones() != null) {
            customer.replacePhones(changes.phones(), now);
        }
        if (changes.identities() != null) {
            changes.identities().forEach(identity -> {
                ensureIdentityFree(identity, customer.getId());
                customer.addIdentity(identity.channel(), identity.externalId(), identity.displayName(), now);
            });
        }
        return customer;
    }

    @Transactional(readOnly = true)
    public Customer get(long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByEmail(String email) {
        return customers.findByEmail(Customer.normaliseEmail(email));
    }

    /** The customer with this email, or a new one with this name and email. See {@link #findOrCreateByEmail(NewCustomer)}. */
    public Customer findOrCreateByEmail(String email, String name) {
        return findOrCreateByEmail(NewCustomer.named(
                name == null || name.isBlank() ? email.substring(0, email.indexOf('@') > 0 ? email.indexOf('@') : email.length()) : name,
                email));
    }

    /**
     * The customer that has the command's first email (merged or not, as stored), or a new
     * one from the command. Safe when several requests name the same new customer at once: they all
     * get one customer, and nothing fails. The found customer gains the command's identities unless
     * someone has them already; the command's other fields only describe a new customer.
     */
    public Customer findOrCreateByEmail(NewCustomer command) {
        if (command.emails().isEmpty()) {
            throw InvalidRequestException.of("emails", "must name the email to find the customer by");
        }
        String email = Customer.normaliseEmail(command.emails().get(0));
        Optional<Customer> known = customers.findByEmail(email);
        if (known.isPresent()) {
            return withIdentities(known.get(), command.identities());
        }
        Optional<Customer> created = createClaiming(command, customer -> claimEmail(customer, email, clock.instant()), email);
        return created.orElseGet(() -> withIdentities(customers.findByEmail(email)
                .orElseThrow(() -> concurrently("email " + email)), command.identities()));
    }

    /**
     * The customer with the command's (single) identity (the one it was merged into, if merged), or
     * a new one from the command; safe against concurrent requests like {@link #findOrCreateByEmail(NewCustomer)}.
     * A new customer gets the command's emails that nobody has yet.
     */
    public Customer findOrCreateByIdentity(NewCustomer command) {
        if (command.identities().size() != 1) {
            throw InvalidRequestException.of("identities", "must name the one identity to find the customer by");
        }
        NewCustomer.IdentityRef identity = command.identities().get(0);
        Optional<Customer> known = customers.findByIdentity(identity.channel(), identity.externalId());
        if (known.isPresent()) {
            return survivor(known.get());
        }
        Optional<Customer> created = createClaiming(command, customer -> claimNewIdentity(customer, identity, clock.instant()), null);
        return created.orElseGet(() -> survivor(customers.findByIdentity(identity.channel(), identity.externalId())
                .orElseThrow(() -> concurrently(identity.channel() + " identity " + identity.externalId()))));
    }

    /** Gives the customer the identity unless someone has it; returns whoever has it then. */
    public Customer attachIdentity(long customerId, NewCustomer.IdentityRef identity) {
        Customer customer = get(customerId);
        if (customer.getIdentities().stream().anyMatch(i -> i.getChannel() == identity.channel()
                && i.getExternalId().equals(identity.externalId()))) {
            return customer;
        }
        if (claims.identity(customer.getId(), identity, clock.instant()).isPresent()) {
            entityManager.refresh(customer);
            return customer;
        }
        return survivor(customers.findByIdentity(identity.channel(), identity.externalId())
                .orElseThrow(() -> concurrently(identity.channel() + " identity " + identity.externalId())));
    }

    /**
     * Writes a new customer without its emails and identities, then claims the key contact; if
     * another transaction holds it, removes the new row again and answers empty. Otherwise claims the
     * other emails and identities (dropping those taken); each claimed row joins the customer's collections.
     * {@code claimedEmail}: the email {@code claimKey} claims, if it is one (not claimed twice).
     */
    private Optional<Customer> createClaiming(NewCustomer command, java.util.function.Predicate<Customer> claimKey,
            String claimedEmail) {
        Instant now = clock.instant();
        Customer customer = described(command, now);
        command.phones().forEach(phone -> customer.addPhone(phone, false, now));
        customers.save(customer);
        entityManager.flush();
        if (!claimKey.test(customer)) {
            entityManager.remove(customer);
            return Optional.empty();
        }
        normaliseEmails(command.emails()).stream().filter(email -> !email.equals(claimedEmail))
                .forEach(email -> claimEmail(customer, email, now));
        command.identities().forEach(identity -> claimNewIdentity(customer, identity, now));
        // emails written by SQL raise no entity event: ask for the customer's index document again, or searching
        // customers by that email would not find the new one
        Search.session(entityManager).indexingPlan().addOrUpdate(customer);
        return Optional.of(customer);
    }

    /**
     * Claims the email for a customer created in this transaction. The row is written by SQL, past the entity: a
     * claimed one is read by its id into the customer's emails, which its search document and a new ticket's hold
     * (a primary-key read, where reading the customer again with all its contacts joined three tables).
     */
    private boolean claimEmail(Customer created, String email, Instant now) {
        OptionalLong row = claims.email(created.getId(), email, now);
        row.ifPresent(id -> created.adopt(entityManager.find(CustomerEmail.class, id)));
        return row.isPresent();
    }

    /** Claims the identity for a customer created in this transaction, like {@link #claimEmail}. */
    private boolean claimNewIdentity(Customer created, NewCustomer.IdentityRef identity, Instant now) {
        OptionalLong row = claims.identity(created.getId(), identity, now);
        row.ifPresent(id -> created.adopt(entityManager.find(CustomerIdentity.class, id)));
        return row.isPresent();
    }

    private Customer withIdentities(Customer customer, List<NewCustomer.IdentityRef> identities) {
        identities.forEach(identity -> attachIdentity(customer.getId(), identity));
        return customer;
    }

    private Customer survivor(Customer customer) {
        return customer.getMergedIntoId() == null ? customer : get(customer.getMergedIntoId());
    }

    private static ConflictException concurrently(String what) {
        return new ConflictException("The customer with the " + what + " is being changed concurrently; retry.");
    }

    @Transactional(readOnly = true)
    public List<CustomerTier> tiers() {
        return tiers.findAllByOrderByRankDesc();
    }

    /** The tiers, highest rank first, from this node's cache (kind customer.tiers). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public TierRanking tierRanking() {
        return ranking.get();
    }

    /**
     * The customer's tier from this node's cache: reads no table, also when the customer was loaded without its tier.
     * A tier this node does not know yet (created elsewhere moments ago) is read from the customer.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<TierRanking.Tier> tierOf(Customer customer) {
        CustomerTier tier = customer.getTier();
        if (tier == null) {
            return Optional.empty();
        }
        return ranking.get().byId(tier.getId())
                .or(() -> Optional.of(new TierRanking.Tier(tier.getId(), tier.getCode(), tier.getName(), tier.getRank())));
    }

    public CustomerTier createTier(String code, String name, int rank) {
        String normalised = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (tiers.findByCode(normalised).isPresent()) {
            throw new ConflictException("A tier with the code " + normalised + " already exists.");
        }
        CustomerTier created = tiers.save(new CustomerTier(normalised, name.strip(), rank, clock.instant()));
        ranking.changed();
        return created;
    }

    public CustomerTier updateTier(long id, String name, int rank) {
        CustomerTier tier = tiers.findById(id).orElseThrow(() -> new NotFoundException("Tier", id));
        tier.rename(name.strip(), rank);
        ranking.changed();
        return tier;
    }

    @Transactional(readOnly = true)
    public Slice<Customer> list(CustomerQuery query, String cursor, int limit) {
        if (query.q() != null && !query.q().isBlank()) {
            return search(query.q(), cursor, limit);
        }
        StringBuilder jpql = new StringBuilder("select c from Customer c where c.mergedIntoId is null");
        Map<String, Object> params = new HashMap<>();
        if (query.email() != null) {
            jpql.append(" and exists (select 1 from CustomerEmail e where e.customer = c and e.email = :email)");
            params.put("email", Customer.normaliseEmail(query.email()));
        }
        if (query.phone() != null) {
            jpql.append(" and exists (select 1 from CustomerPhone p where p.customer = c and p.phoneDigits = :phone)");
            params.put("phone", PhoneNumbers.digits(query.phone()));
        }
        if (query.tier() != null) {
            jpql.append(" and c.tier.code = :tier");
            params.put("tier", query.tier());
        }
        if (query.organisation() != null) {
            jpql.append(" and c.organisation.name = :organisation");
            params.put("organisation", query.organisation());
        }
        if (query.tag() != null) {
            jpql.append(" and :tag member of c.tags");
            params.put("tag", query.tag());
        }
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor, "created");
            Instant createdAt = Instant.parse(position.value());
            jpql.append(" and (c.createdAt < :cAt or (c.createdAt = :cAt and c.id < :cId))");
            params.put("cAt", createdAt);
            params.put("cId", position.id());
        }
        jpql.append(" order by c.createdAt desc, c.id desc");
        TypedQuery<Customer> typed = entityManager.createQuery(jpql.toString(), Customer.class);
        params.forEach(typed::setParameter);
        List<Customer> rows = typed.setMaxResults(limit + 1).getResultList();
        return Slice.fromOverfetch(rows, limit, c -> new Cursor("created", c.getCreatedAt().toString(), c.getId()));
    }

    private Slice<Customer> search(String q, String cursor, int limit) {
        int offset = cursor == null ? 0 : (int) Cursor.decode(cursor, "relevance").id();
        String text = SearchText.clean(q);
        List<Customer> hits = Search.session(entityManager).search(Customer.class)
                .where(f -> f.bool()
                        .must(f.or(
                                f.match().field("name").matching(text),
                                f.match().field("emails.email").matching(text.toLowerCase(java.util.Locale.ROOT)),
                                f.match().field("emails.email_text").matching(text),
                                f.match().field("phones.phoneDigits").matching(PhoneNumbers.digits(text)).boost(2f)))
                        .mustNot(f.exists().field("mergedIntoId")))
                .fetchHits(offset, limit + 1);
        List<Customer> page = new ArrayList<>(hits);
        return Slice.fromOverfetch(page, limit, c -> new Cursor("relevance", null, offset + limit));
    }

    private void ensureEmailFree(String email, Long owner) {
        customers.findByEmail(email).ifPresent(existing -> {
            if (!existing.getId().equals(owner)) {
                throw new ConflictException("The email " + email + " already belongs to customer " + existing.getId() + ".",
                        Map.of("customerId", existing.getId()));
            }
        });
    }

    private void ensureIdentityFree(NewCustomer.IdentityRef identity, Long owner) {
        customers.findByIdentity(identity.channel(), identity.externalId()).ifPresent(existing -> {
            if (!existing.getId().equals(owner)) {
                throw new ConflictException("The " + identity.channel() + " identity " + identity.externalId()
                        + " already belongs to customer " + existing.getId() + ".", Map.of("customerId", existing.getId()));
            }
        });
    }

    /** The tier to set on a customer, from this node's cache: see {@link CustomerTier#standingFor}. */
    private CustomerTier tier(String code) {
        String wanted = code == null ? CustomerTier.REGULAR : code;
        TierRanking known = ranking.get();
        return known.byCode(wanted).map(CustomerTier::standingFor).orElseGet(() -> tiers.findByCode(wanted)
                .orElseThrow(() -> InvalidRequestException.of("tier", "'" + wanted + "' is not a tier; known tiers: "
                        + tiers.findAllByOrderByRankDesc().stream().map(CustomerTier::getCode).toList())));
    }

    private Organisation organisation(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.strip();
        return organisations.findByName(clean).orElseGet(() -> organisations.save(new Organisation(clean, clock.instant())));
    }

    private static Set<String> normaliseEmails(List<String> emails) {
        Set<String> result = new LinkedHashSet<>();
        emails.forEach(e -> result.add(Customer.normaliseEmail(e)));
        return result;
    }

    private static List<String> cleanTags(java.util.Collection<String> tags) {
        return tags.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }
}
