package org.kefu.portal;

import org.kefu.platform.security.Secrets;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.UnprocessableException;
import org.kefu.platform.mail.SystemMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How customers sign in to the portal: a single-use link sent by mail (valid 15 minutes), or a
 * password they chose after a link sign-in (locked after 5 wrong tries in a row). Neither way
 * tells a stranger whether an email address belongs to a customer.
 */
@Service
public class PortalSignIn {

    private static final Logger log = LoggerFactory.getLogger(PortalSignIn.class);

    /** How long a sign-in link works. */
    public static final Duration LINK_VALID_FOR = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD_LENGTH = 10;

    /** What became of a request for a link. */
    public enum LinkRequest {
        /** Sent if the address is known: the answer is the same either way. */
        ACCEPTED,
        /** Too many requests for this address or from this network address lately. */
        TOO_MANY
    }

    /** What became of following a link. */
    public enum LinkResult {
        SIGNED_IN, USED, EXPIRED, UNKNOWN
    }

    public record LinkSignIn(LinkResult result, PortalCustomer customer) {
    }

    /** A password sign-in: the customer, or empty for a wrong email, wrong password or a locked account alike. */
    public record PasswordSignIn(Optional<PortalCustomer> customer) {
    }

    public record SentLink(String email, Instant expiresAt) {
    }

    private final CustomerDirectory customers;
    private final SignInLinks links;
    private final PortalAccounts accounts;
    private final SystemMail mail;
    private final MessageSource messages;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration lockFor;
    private final RequestWindow perEmail;
    private final RequestWindow perAddress;
    private final RequestWindow submissionsPerEmail = new RequestWindow(5, Duration.ofMinutes(15));
    private final RequestWindow submissionsPerAddress = new RequestWindow(20, Duration.ofMinutes(15));
    private final ExecutorService mailer = Executors.newVirtualThreadPerTaskExecutor();
    private final String dummyHash;

    PortalSignIn(CustomerDirectory customers, SignInLinks links, PortalAccounts accounts, SystemMail mail,
            MessageSource messages, PasswordEncoder passwords, TransactionTemplate transactions, Clock clock,
            @Value("${kefu.sign-in.max-attempts:5}") int maxAttempts, @Value("${kefu.sign-in.lock-minutes:15}") int lockMinutes,
            @Value("${kefu.portal.link-requests-per-email:5}") int perEmailLimit,
            @Value("${kefu.portal.link-requests-per-address:100}") int perAddressLimit) {
        this.customers = customers;
        this.links = links;
        this.accounts = accounts;
        this.mail = mail;
        this.messages = messages;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.perEmail = new RequestWindow(perEmailLimit, Duration.ofMinutes(15));
        this.perAddress = new RequestWindow(perAddressLimit, Duration.ofMinutes(15));
        this.dummyHash = passwords.encode("not-a-password-" + Secrets.newSecret());
    }

    @PreDestroy
    void stop() {
        mailer.shutdown();
    }

    /**
     * A visitor asks for a link. If a customer has this address, a link goes to it; the work happens
     * in the background so that known and unknown addresses answer equally fast.
     */
    public LinkRequest requestLink(String email, String clientAddress, String deskUrl, Locale locale) {
        String address = normalise(email);
        Instant now = clock.instant();
        if (!perAddress.tryAcquire("ip:" + clientAddress, now) || !perEmail.tryAcquire("email:" + address, now)) {
            log.info("Portal link request for an address refused: too many requests from {}", clientAddress);
            return LinkRequest.TOO_MANY;
        }
        mailer.execute(() -> {
            try {
                transactions.executeWithoutResult(tx -> customers.findByEmail(address)
                        .map(this::survivor)
                        .ifPresent(customer -> mailLink(customer, address, deskUrl, locale, "portal.mail.link.subject",
                                "portal.mail.link.body", null)));
            } catch (RuntimeException e) {
                log.warn("Could not send a portal sign-in link: {}", e.getMessage());
            }
        });
        return LinkRequest.ACCEPTED;
    }

    /**
     * Whether a ticket submitted without signing in may be accepted now: each one sends a mail, so
     * they are limited per email address (5 in 15 minutes) and per network address (20).
     */
    public boolean mayAcceptSubmission(String email, String clientAddress) {
        Instant now = clock.instant();
        return submissionsPerAddress.tryAcquire("ip:" + clientAddress, now)
                && submissionsPerEmail.tryAcquire("email:" + normalise(email), now);
    }

    /** An agent sends the customer a link (to the customer's first email address). */
    public SentLink sendLink(long customerId, String deskUrl, Locale locale) {
        return transactions.execute(tx -> {
            Customer customer = survivor(customers.get(customerId));
            if (customer.getEmails().isEmpty()) {
                throw new UnprocessableException("Customer " + customerId + " has no email address to send a link to.");
            }
            String address = customer.getEmails().getFirst().getEmail();
            if (!perEmail.tryAcquire("email:" + address, clock.instant())) {
                throw new UnprocessableException("Too many sign-in links for " + address + " lately; try again in 15 minutes.");
            }
            Instant expires = mailLink(customer, address, deskUrl, locale, "portal.mail.link.subject",
                    "portal.mail.link.body", null);
            return new SentLink(address, expires);
        });
    }

    /**
     * Tells a customer who submitted a ticket without signing in that it arrived, with a link to
     * follow it. Runs in the caller's transaction; the mail leaves after it commits.
     */
    public void confirmSubmission(long customerId, String email, String ticketNumber, String deskUrl, Locale locale) {
        Customer customer = customers.get(customerId);
        mailLink(customer, normalise(email), deskUrl, locale, "portal.mail.submitted.subject",
                "portal.mail.submitted.body", ticketNumber);
    }

    /** Follows a link: signs the customer in if the link is known, unused and not expired; uses it up. */
    public LinkSignIn useLink(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return new LinkSignIn(LinkResult.UNKNOWN, null);
        }
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<SignInLink> found = links.findByTokenHash(Secrets.sha256Hex(secret.strip()));
            if (found.isEmpty()) {
                return new LinkSignIn(LinkResult.UNKNOWN, null);
            }
            SignInLink link = found.get();
            SignInLink.State state = link.state(now);
            if (state == SignInLink.State.EXPIRED) {
                return new LinkSignIn(LinkResult.EXPIRED, null);
            }
            if (state == SignInLink.State.USED || links.markUsed(link.getId(), now) != 1) {
                return new LinkSignIn(LinkResult.USED, null);
            }
            Customer customer = survivor(customers.get(link.getCustomerId()));
            accounts.findById(customer.getId()).ifPresent(a -> a.unlock(now));
            return new LinkSignIn(LinkResult.SIGNED_IN, principal(customer));
        });
    }

    /** Email and password; a wrong address, a wrong password and a locked account look the same to the caller. */
    public PasswordSignIn signIn(String email, String password) {
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<Customer> customer = email == null ? Optional.empty() : customers.findByEmail(normalise(email)).map(this::survivor);
            Optional<PortalAccount> account = customer.flatMap(c -> accounts.findById(c.getId()))
                    .filter(a -> a.getPasswordHash() != null);
            String given = password == null ? "" : password;
            if (account.isEmpty()) {
                passwords.matches(given, dummyHash);
                return new PasswordSignIn(Optional.empty());
            }
            PortalAccount found = account.get();
            boolean matches = passwords.matches(given, found.getPasswordHash());
            if (found.isLocked(now)) {
                return new PasswordSignIn(Optional.empty());
            }
            if (!matches) {
                if (found.signInFailed(now, maxAttempts, lockFor)) {
                    log.warn("Portal account of customer {} locked for {} after {} wrong passwords", found.getCustomerId(),
                            lockFor, maxAttempts);
                }
                return new PasswordSignIn(Optional.empty());
            }
            found.signedIn(now);
            return new PasswordSignIn(Optional.of(principal(customer.get())));
        });
    }

    /** The signed-in customer chooses (or changes) their portal password. */
    public void choosePassword(long customerId, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw new UnprocessableException("A password needs " + MIN_PASSWORD_LENGTH + " to 200 characters.");
        }
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            PortalAccount account = accounts.findById(customerId).orElseGet(() -> accounts.save(new PortalAccount(customerId, now)));
            account.choosePassword(passwords.encode(password), now);
        });
    }

    public boolean hasPassword(long customerId) {
        return Boolean.TRUE.equals(transactions.execute(tx ->
                accounts.findById(customerId).map(a -> a.getPasswordHash() != null).orElse(false)));
    }

    private Instant mailLink(Customer customer, String address, String base, Locale locale, String subjectKey,
            String bodyKey, String ticketNumber) {
        Instant now = clock.instant();
        String secret = Secrets.newSecret();
        SignInLink link = links.save(new SignInLink(Secrets.sha256Hex(secret), customer.getId(), now, LINK_VALID_FOR));
        String url = base + "/portal/auth?token=" + secret;
        Object[] args = {customer.getName(), url, LINK_VALID_FOR.toMinutes(), ticketNumber};
        String subject = messages.getMessage(subjectKey, args, locale);
        String body = messages.getMessage(bodyKey, args, locale);
        afterCommit(() -> mail.send(address, subject, body));
        return link.getExpiresAt();
    }

    /** Mail goes out once the link is stored for good, so it never carries a link that does not work yet. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private Customer survivor(Customer customer) {
        return customer.getMergedIntoId() == null ? customer : customers.get(customer.getMergedIntoId());
    }

    private PortalCustomer principal(Customer customer) {
        String email = customer.getEmails().isEmpty() ? null : customer.getEmails().getFirst().getEmail();
        return new PortalCustomer(customer.getId(), customer.getName(), email);
    }

    private static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
