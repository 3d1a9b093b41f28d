package org.kefu.channel.email;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * IMAP IDLE: for each active receiving mailbox whose server supports it, one app node (the holder of
 * the mailbox's {@link IdleLeases lease}) keeps a connection idling on the folder and runs the same
 * fetch as the poll task ({@link ImapPoller#poll}) as soon as the server announces new mail. Polling
 * goes on at the mailbox's interval regardless, so a server without IDLE, a dropped connection or a
 * dead node only delays mail until the next poll. A listener that fails starts again after a back-off
 * (doubling up to {@code kefu.email.imap.idle.max-backoff}); a server without IDLE is asked again
 * after {@code kefu.email.imap.idle.unsupported-retry}. The supervisor looks at the mailboxes every
 * {@code kefu.email.imap.check-interval}, renews the leases it holds and wakes each IDLE up every
 * {@code kefu.email.imap.idle.refresh} (servers drop an IDLE after 30 minutes; a dead connection shows).
 */
@Component
class ImapIdleListeners implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImapIdleListeners.class);

    private final Mailboxes mailboxes;
    private final ManagingMailboxes managing;
    private final MailConnections connections;
    private final ImapPoller poller;
    private final IdleLeases leases;
    private final Clock clock;
    private final boolean enabled;
    private final Duration checkInterval;
    private final Duration refresh;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration unsupportedRetry;
    private final String holder;
    private final Map<Long, Listener> listeners = new ConcurrentHashMap<>();
    private final Map<Long, Retry> retries = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService supervisor;

    /** When a mailbox's listener may start again, and how many failures in a row led there. */
    record Retry(Instant notBefore, int failures) {
    }

    ImapIdleListeners(Mailboxes mailboxes, ManagingMailboxes managing, MailConnections connections, ImapPoller poller,
            IdleLeases leases, Clock clock, @Value("${kefu.email.imap.idle.enabled:true}") boolean enabled,
            @Value("${kefu.email.imap.check-interval:PT10S}") Duration checkInterval,
            @Value("${kefu.email.imap.idle.refresh:PT1M}") Duration refresh,
            @Value("${kefu.email.imap.idle.first-backoff:PT5S}") Duration firstBackoff,
            @Value("${kefu.email.imap.idle.max-backoff:PT5M}") Duration maxBackoff,
            @Value("${kefu.email.imap.idle.unsupported-retry:PT1H}") Duration unsupportedRetry) {
        this.mailboxes = mailboxes;
        this.managing = managing;
        this.connections = connections;
        this.poller = poller;
        this.leases = leases;
        this.clock = clock;
        this.enabled = enabled;
        this.checkInterval = checkInterval;
        this.refresh = refresh;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.unsupportedRetry = unsupportedRetry;
        this.holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- lifecycle -------------------------------------------------------------------------

    @Override
    public void start() {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("imap-idle-supervisor").daemon().factory());
        if (enabled) {
            s.scheduleWithFixedDelay(this::superviseSafely, checkInterval.toMillis(), checkInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        supervisor = s;
    }

    /** Ends every IDLE, releases the leases; waits at most a second for the listeners. */
    @Override
    public void stop() {
        ScheduledExecutorService s = supervisor;
        supervisor = null;
        if (s != null) {
            s.shutdownNow();
        }
        listeners.values().forEach(Listener::stop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Listener l : listeners.values()) {
            l.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    @Override
    public boolean isRunning() {
        return supervisor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // stops before the database goes
    }

    // ---- supervision -----------------------------------------------------------------------

    private void superviseSafely() {
        try {
            supervise(clock.instant());
        } catch (RuntimeException e) {
            log.warn("IMAP IDLE supervision failed; trying again in {}", checkInterval, e);
        }
    }

    /** Renews what this node holds, stops listeners of mailboxes gone quiet, starts listeners where a lease is free. */
    void supervise(Instant now) {
        Set<Long> wanted = ConcurrentHashMap.newKeySet();
        for (Mailboxes.Row row : mailboxes.active()) {
            if (row.mailbox().receives()) {
                wanted.add(row.mailbox().id());
            }
        }
        for (Listener l : listeners.values()) {
            if (!wanted.contains(l.mailboxId) || !l.renewedOrLost(now)) {
                l.stop();
            }
        }
        for (Long id : wanted) {
            if (!listeners.containsKey(id)) {
                listen(id, now);
            }
        }
    }

    /**
     * Starts idling on the mailbox if this node can take its lease and no back-off holds it; true when
     * a listener runs (already or now).
     */
    boolean listen(long mailboxId, Instant now) {
        if (listeners.containsKey(mailboxId)) {
            return true;
        }
        Retry retry = retries.get(mailboxId);
        if (retry != null && now.isBefore(retry.notBefore())) {
            return false;
        }
        Optional<Mailboxes.Row> row = mailboxes.find(mailboxId);
        if (row.isEmpty() || !row.get().mailbox().active() || !row.get().mailbox().receives()
                || !leases.acquire(mailboxId, holder, now, leaseTtl())) {
            return false;
        }
        Listener listener = new Listener(mailboxId, now);
        if (listeners.putIfAbsent(mailboxId, listener) != null) {
            return true;
        }
        listener.thread = Thread.ofVirtual().name("imap-idle-" + mailboxId).start(listener);
        return true;
    }

    /** Stops this node's listener of the mailbox (it releases its lease). */
    void stopListening(long mailboxId) {
        Listener l = listeners.get(mailboxId);
        if (l != null) {
            l.stop();
            l.join(Duration.ofSeconds(5));
        }
    }

    /** Whether this node's listener of the mailbox is connected and waiting in IDLE right now. */
    boolean idling(long mailboxId) {
        Listener l = listeners.get(mailboxId);
        return l != null && l.idling;
    }

    Optional<Retry> retryOf(long mailboxId) {
        return Optional.ofNullable(retries.get(mailboxId));
    }

    private Duration leaseTtl() {
        return refresh.multipliedBy(3);
    }

    Duration backoff(int failures) {
        long factor = 1L << Math.min(20, Math.max(0, failures - 1));
        Duration d = firstBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    // ---- one mailbox -------------------------------------------------------------------------

    /** One mailbox's IDLE connection: poll once, then IDLE and fetch whenever the folder grows. */
    private final class Listener implements Runnable {

        private final long mailboxId;
        private volatile boolean running = true;
        private volatile boolean idling;
        private volatile Folder folder;
        private volatile Instant lastRefresh;
        private volatile Thread thread;

        Listener(long mailboxId, Instant now) {
            this.mailboxId = mailboxId;
            this.lastRefresh = now;
        }

        @Override
        public void run() {
            boolean unsupported = false;
            String error = null;
            try {
                unsupported = !idle();
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    error = MailConnections.describe(e);
                }
            } finally {
                idling = false;
                listeners.remove(mailboxId, this);
                try {
                    leases.release(mailboxId, holder);
                } catch (RuntimeException e) {
                    log.debug("IDLE lease of mailbox {} not released; it expires", mailboxId, e);
                }
            }
            Instant now = clock.instant();
            if (unsupported) {
                log.info("The IMAP server of mailbox {} does not support IDLE; it is polled", mailboxId);
                retries.put(mailboxId, new Retry(now.plus(unsupportedRetry), 0));
            } else if (error != null) {
                int failures = retries.getOrDefault(mailboxId, new Retry(now, 0)).failures() + 1;
                Duration wait = backoff(failures);
                log.warn("IMAP IDLE of mailbox {} stopped: {}; polling goes on, IDLE again in {}", mailboxId, error, wait);
                retries.put(mailboxId, new Retry(now.plus(wait), failures));
            }
        }

        /** Returns false when the server has no IDLE; otherwise idles until stopped or the connection fails. */
        private boolean idle() throws MessagingException {
            Mailboxes.Row row = mailboxes.find(mailboxId).orElse(null);
            if (row == null) {
                return true;
            }
            Mailbox m = row.mailbox();
            try (Store store = connections.openImap(managing.imapServer(row), refresh.multipliedBy(3))) {
                if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
                    return false;
                }
                IMAPFolder f = (IMAPFolder) store.getFolder(m.imapFolder());
                f.open(Folder.READ_ONLY);
                folder = f;
                try {
                    int seen = f.getMessageCount();
                    poller.poll(row); // what arrived while nobody idled
                    retries.remove(mailboxId);
                    while (running) {
                        idling = true;
                        f.idle(true); // returns on the first server notice, or when woken up
                        idling = false;
                        if (!running) {
                            break;
                        }
                        int now = f.getMessageCount();
                        if (now > seen) {
                            poller.poll(mailboxes.find(mailboxId).orElse(row));
                        }
                        seen = now;
                    }
                } finally {
                    folder = null;
                    if (f.isOpen()) {
                        f.close(false);
                    }
                }
            }
            return true;
        }

        /** Renews the lease and, every refresh period, wakes the IDLE up; false when the lease is lost. */
        boolean renewedOrLost(Instant now) {
            if (!leases.renew(mailboxId, holder, now, leaseTtl())) {
                return false;
            }
            if (!lastRefresh.plus(refresh).isAfter(now)) {
                lastRefresh = now;
                wake();
            }
            return true;
        }

        /** Any command on the folder from another thread ends the IDLE (Jakarta Mail sends DONE). */
        private void wake() {
            Folder f = folder;
            if (f != null) {
                Thread.ofVirtual().name("imap-idle-wake-" + mailboxId).start(() -> {
                    try {
                        f.getMessageCount();
                    } catch (MessagingException | RuntimeException e) {
                        log.debug("Waking the IDLE of mailbox {} failed", mailboxId, e);
                    }
                });
            }
        }

        void stop() {
            running = false;
            wake();
        }

        /** Waits for the listener to end, waking its IDLE again meanwhile (a stop can come just before it idles). */
        void join(Duration wait) {
            Thread t = thread;
            long deadline = System.nanoTime() + wait.toNanos();
            try {
                while (t != null && t.isAlive() && System.nanoTime() < deadline) {
                    t.join(Duration.ofMillis(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000))));
                    if (t.isAlive() && idling) {
                        wake();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
