package org.kefu.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chat the bot answered and nobody else took: when the visitor stays quiet for {@code kefu.bot.chat-idle-resolve}
 * after the bot's last turn (they left without a verdict and without asking for a person), its ticket is resolved
 * with a notice saying why, instead of staying new and unassigned forever. Anything that touched the ticket after
 * the bot's turn (a message, an agent) leaves it alone. A zero duration turns this off.
 */
@Component
class BotIdleChats {

    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(BotIdleChats.class);

    private final BotSessions sessions;
    private final TicketWork work;
    private final TransactionTemplate transactions;
    private final Duration idle;
    private final Clock clock;

    BotIdleChats(BotSessions sessions, TicketWork work, TransactionTemplate transactions,
            @Value("${kefu.bot.chat-idle-resolve:PT30M}") Duration idle, Clock clock) {
        this.sessions = sessions;
        this.work = work;
        this.transactions = transactions;
        this.idle = idle;
        this.clock = clock;
    }

    /** The bot just said something on this session; from now the idle time runs (chats with a ticket only). */
    void botSpoke(BotSession session) {
        if (session.source() == BotSession.Source.CHAT && session.ticketId() != null && !idle.isZero()
                && !idle.isNegative()) {
            sessions.idleDue(session.id(), clock.instant().plus(idle));
        }
    }

    /** Resolves the tickets of chats idle by now; returns how many. Each in its own short transaction. */
    int sweep(Instant now) {
        int resolved = 0;
        for (long id : sessions.idleBy(now, BATCH)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> resolveIfIdle(id, now)))) {
                    resolved++;
                }
            } catch (RuntimeException e) {
                log.warn("could not resolve the idle bot chat of session {}", id, e);
                transactions.executeWithoutResult(tx -> sessions.idleDue(id, null));
            }
        }
        return resolved;
    }

    private boolean resolveIfIdle(long id, Instant now) {
        BotSession session = sessions.lock(id).orElse(null);
        Instant due = sessions.idleDueAt(id).orElse(null);
        if (session == null || due == null || due.isAfter(now)) {
            return false;
        }
        sessions.idleDue(id, null);
        if (session.handedOff() || session.ticketId() == null) {
            return false;
        }
        Ticket ticket = work.readBack(session.ticketId());
        Instant botSpokeAt = due.minus(idle);
        boolean untouched = !ticket.getUpdatedAt().isAfter(botSpokeAt);
        if (!untouched || ticket.getStatus() != TicketStatus.NEW || ticket.getAssigneeId() != null
                || ticket.getMergedIntoId() != null || !ticket.getStatus().canMoveTo(TicketStatus.RESOLVED)) {
            return false;
        }
        work.recordNotice(ticket.getId(), TicketNotice.info("bot.notice.idleResolved",
                Long.toString(Math.max(1, idle.toMinutes()))), SelfServiceBot.BOT_AUTHOR);
        work.changeStatus(ticket.getId(), TicketStatus.RESOLVED, SelfServiceBot.BOT);
        return true;
    }
}
