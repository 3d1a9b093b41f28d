package org.kefu.insight;

import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kefu.platform.Actor;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketWork;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every customer message as it arrives, in the transaction that recorded it (so a reading is
 * never missing for a committed message and no second connection is taken after the commit), and
 * answers what a ticket's customer feels now and how that changed across messages.
 *
 * <p>The unread messages are found in the ticket's timeline table directly (read-only): the ticket
 * module offers no access-free way to read a message body, and this runs on the desk's own behalf.
 */
@Service
@Transactional
public class MessageEmotions {

    /** Newest readings shown as a ticket's trend. */
    static final int TREND = 12;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tickets whose messages readNow read in the running transaction of this thread. */
    private static final ThreadLocal<Set<Long>> READ_NOW = ThreadLocal.withInitial(HashSet::new);

    private final EmotionReader reader;
    private final JdbcClient jdbc;
    private final EntityManager entityManager;
    private final TicketWork work;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageEmotions(EmotionReader reader, JdbcClient jdbc, EntityManager entityManager, TicketWork work,
            ApplicationEventPublisher events, Clock clock) {
        this.reader = reader;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.work = work;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void opened(TicketEvents.TicketOpened e) {
        if (READ_NOW.get().contains(e.ticketId())) {
            return; // the opening message was read by readNow in this transaction; later ones come as CustomerMessageReceived
        }
        readUnread(e.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void messageReceived(TicketEvents.CustomerMessageReceived e) {
        readUnread(e.ticketId());
    }

    /**
     * Reads the ticket's unread customer messages now, in the caller's transaction, and returns the newest
     * reading. The priority score reads a new ticket's opening message this way before scoring it, so the
     * ticket is scored once, with its emotion.
     */
    public Optional<EmotionReading> readNow(long ticketId) {
        return readingNow(ticketId, readUnread(ticketId));
    }

    /**
     * {@link #readNow} for a ticket just opened, whose one customer message the opening event carries: reads it without
     * a query (no flush of the session, no select of unread messages). Without that message, as {@link #readNow}.
     */
    public Optional<EmotionReading> readOpening(TicketEvents.TicketOpened opened) {
        if (opened.firstMessageId() == null || opened.firstMessage() == null) {
            return readNow(opened.ticketId());
        }
        return readingNow(opened.ticketId(), Optional.of(record(opened.ticketId(), opened.firstMessageId(), opened.firstMessage())));
    }

    private Optional<EmotionReading> readingNow(long ticketId, Optional<EmotionReading> newest) {
        if (TransactionSynchronizationManager.isSynchronizationActive() && READ_NOW.get().add(ticketId)
                && READ_NOW.get().size() == 1) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    READ_NOW.remove();
                }
            });
        }
        return newest;
    }

    /** Reads the ticket's customer messages that have no reading yet (normally just the newest one); the newest reading. */
    Optional<EmotionReading> readUnread(long ticketId) {
        entityManager.flush();
        List<Unread> unread = jdbc.sql("""
                select e.id, e.body from timeline_entry e
                where e.ticket_id = ? and e.kind = 'CUSTOMER_MESSAGE'
                  and not exists (select 1 from message_emotion m where m.entry_id = e.id)
                order by e.id""").param(ticketId).query((rs, n) -> new Unread(rs.getLong(1), rs.getString(2))).list();
        EmotionReading newest = null;
        for (Unread message : unread) {
            newest = record(ticketId, message.entryId(), message.body());
        }
        return Optional.ofNullable(newest);
    }

    /** Reads one customer message, stores the reading and announces it. */
    private EmotionReading record(long ticketId, long entryId, String body) {
        EmotionReading reading = reader.read(body);
        jdbc.sql("insert into message_emotion (entry_id, ticket_id, label, intensity, cues, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(entryId, ticketId, reading.label().name(), reading.intensity(),
                        cues(reading.cues()), java.sql.Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new InsightEvents.EmotionRead(ticketId, entryId, reading.label(),
                reading.intensity(), reading.threatensEscalation()));
        return reading;
    }

    /**
     * The reading of the ticket's newest customer message, for the desk's own rules (the priority
     * score, escalation); not access-checked.
     */
    @Transactional(readOnly = true)
    public Optional<EmotionReading> latest(long ticketId) {
        return jdbc.sql("""
                select entry_id, ticket_id, label, intensity, cues, created_at from message_emotion
                where ticket_id = ? order by entry_id desc fetch first 1 rows only""").param(ticketId)
                .query(MessageEmotions::row).optional().map(MessageEmotion::reading);
    }

    /** The ticket's readings, newest first (at most {@value #TREND}); 404 for a ticket the reader may not see. */
    @Transactional(readOnly = true)
    public List<MessageEmotion> of(long ticketId, Actor actor) {
        work.get(ticketId, actor);
        return jdbc.sql("""
                select entry_id, ticket_id, label, intensity, cues, created_at from message_emotion
                where ticket_id = ? order by entry_id desc fetch first %d rows only""".formatted(TREND)).param(ticketId)
                .query(MessageEmotions::row).list();
    }

    private static MessageEmotion row(ResultSet rs, int n) throws SQLException {
        List<EmotionCue> cues = new ArrayList<>();
        for (Map<String, Object> c : JSON.readValue(rs.getString("cues"), new TypeReference<List<Map<String, Object>>>() { })) {
            cues.add(new EmotionCue(String.valueOf(c.get("kind")), String.valueOf(c.get("text")),
                    ((Number) c.get("weight")).doubleValue()));
        }
        return new MessageEmotion(rs.getLong("entry_id"), rs.getLong("ticket_id"),
                new EmotionReading(Emotion.valueOf(rs.getString("label")), rs.getDouble("intensity"), cues),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String cues(List<EmotionCue> cues) {
        List<Map<String, Object>> out = new ArrayList<>();
        int length = 2;
        for (EmotionCue c : cues) {
            String text = c.text().length() > 60 ? c.text().substring(0, 60) : c.text();
            length += text.length() * 3 + c.kind().length() + 48;
            if (length > 3800) {
                break;
            }
            out.add(Map.of("kind", c.kind(), "text", text, "weight", c.weight()));
        }
        return JSON.writeValueAsString(out);
    }

    private record Unread(long entryId, String body) {
    }
}
