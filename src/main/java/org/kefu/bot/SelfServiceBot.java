package org.kefu.bot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.insight.Emotion;
import org.kefu.insight.EmotionReader;
import org.kefu.insight.EmotionReading;
import org.kefu.knowledge.KnowledgePassages;
import org.kefu.knowledge.KnowledgePassages.Passage;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.ticket.Author;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The self-service bot (智能客服): answers a question from the published knowledge base in the customer's language,
 * takes the customer's verdict, and hands the conversation to a person when {@link HandOffRules} say so. Every turn,
 * verdict and hand-off is recorded for the reports; on a chat the bot's turns are also written on the ticket's
 * timeline (internal notes by 智能客服, notices for verdicts and hand-offs), so the agent sees what it already said.
 */
@Service
@Transactional
public class SelfServiceBot {

    /** The bot on ticket timelines: its notes are by this name. Never handed to a person. */
    static final Actor BOT = new Actor(0, "智能客服", "bot@kefu.local", Role.ADMIN, Set.of(), Set.of());
    static final Author BOT_AUTHOR = new Author(Author.Type.SYSTEM, null, "智能客服");
    static final int PASSAGES = 3;
    static final int SHOWN_PASSAGES = 2;
    static final int MAX_PASSAGE_CHARS = 600;
    static final int MAX_QUESTION_CHARS = 2000;

    private static final Logger log = LoggerFactory.getLogger(SelfServiceBot.class);

    private final BotConfiguration configuration;
    private final BotSessions sessions;
    private final BotStatistics statistics;
    private final ObjectProvider<KnowledgePassages> knowledge;
    private final ChatCompletionsPhraser phraser;
    private final EmotionReader emotions;
    private final CustomerDirectory customers;
    private final TicketWork work;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final BotIdleChats idleChats;
    private final Clock clock;

    SelfServiceBot(BotConfiguration configuration, BotSessions sessions, BotStatistics statistics,
            ObjectProvider<KnowledgePassages> knowledge, ChatCompletionsPhraser phraser, EmotionReader emotions,
            CustomerDirectory customers, TicketWork work, MessageSource messages, TransactionTemplate transactions,
            BotIdleChats idleChats, Clock clock) {
        this.transactions = transactions;
        this.idleChats = idleChats;
        this.configuration = configuration;
        this.sessions = sessions;
        this.statistics = statistics;
        this.knowledge = knowledge;
        this.phraser = phraser;
        this.emotions = emotions;
        this.customers = customers;
        this.work = work;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- sessions ---------------------------------------------------------------------------------------------

    /** A new portal or API session for a customer (or none, for an app that does not know the customer). */
    public BotSession open(BotSession.Source source, Long customerId, BotLanguage language) {
        if (source == BotSession.Source.CHAT) {
            throw new IllegalArgumentException("chat sessions belong to a chat conversation");
        }
        if (customerId != null) {
            customers.get(customerId);
        }
        return sessions.find(sessions.create(source, null, customerId, null, language, clock.instant())).orElseThrow();
    }

    /** The session of a chat conversation, made on first use. */
    public BotSession ofChat(long conversationId, Long customerId, Long ticketId, BotLanguage language) {
        Optional<BotSession> existing = sessions.ofChat(conversationId);
        if (existing.isPresent()) {
            BotSession s = existing.get();
            if ((customerId != null && s.customerId() == null) || (ticketId != null && !ticketId.equals(s.ticketId()))) {
                sessions.linked(s.id(), customerId, ticketId);
                return sessions.find(s.id()).orElseThrow();
            }
            return s;
        }
        try {
            return sessions.find(sessions.create(BotSession.Source.CHAT, conversationId, customerId, ticketId, language,
                    clock.instant())).orElseThrow();
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return sessions.ofChat(conversationId).orElseThrow();
        }
    }

    @Transactional(readOnly = true)
    public Optional<BotSession> chatSession(long conversationId) {
        return sessions.ofChat(conversationId);
    }

    @Transactional(readOnly = true)
    public BotSession session(long id) {
        return sessions.find(id).orElseThrow(() -> new NotFoundException("Bot session", id));
    }

    public void speak(BotSession session, BotLanguage language) {
        if (session.language() != language) {
            sessions.language(session.id(), language);
        }
    }

    /** The bot's turns of a session after a turn id, oldest first. */
    @Transactional(readOnly = true)
    public List<BotTurn> turns(long sessionId, long afterTurnId, int limit) {
        return sessions.turns(sessionId, afterTurnId, limit);
    }

    /** The greeting in the session's language, recorded once as the session's first turn; empty if none is set. */
    public Optional<BotTurn> greet(BotSession session) {
        if (!sessions.turns(session.id(), 0, 1).isEmpty()) {
            return Optional.empty();
        }
        String greeting = configuration.settings().greeting(session.language());
        if (greeting.isBlank()) {
            return Optional.empty();
        }
        long id = sessions.addTurn(session.id(), null, null, null, greeting, null, false, BotTurn.Outcome.SAID,
                clock.instant());
        return sessions.turn(id);
    }

    // ---- questions --------------------------------------------------------------------------------------------

    /**
     * The customer asks. {@code vipSkipsBot} is the channel's VIP rule (true on the portal and API: VIPs are served by
     * people). After a hand-off the session's questions are no longer the bot's: this returns the hand-off again.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public BotReply ask(long sessionId, String question, boolean vipSkipsBot) {
        String text = clean(question);
        Prepared prepared = transactions.execute(tx -> prepare(sessionId, text, vipSkipsBot));
        if (prepared.reply() != null) {
            return prepared.reply();
        }
        // the language model is asked between two short transactions: no connection or row lock is held while
        // it thinks (up to its timeout); what changed on the session meanwhile is looked at when recording
        Optional<String> phrased = prepared.llm().flatMap(endpoint -> phraser.phrase(endpoint, text, prepared.good(),
                prepared.session().language()));
        return transactions.execute(tx -> answer(prepared, text, phrased));
    }

    /** A question read up to the answer: a reply already (a hand-off), or the passages to answer from. */
    private record Prepared(BotReply reply, BotSession session, String key, List<Passage> good,
            Optional<BotConfiguration.LlmEndpoint> llm) {
    }

    private Prepared prepare(long sessionId, String text, boolean vipSkipsBot) {
        BotSession session = sessions.lock(sessionId).orElseThrow(() -> new NotFoundException("Bot session", sessionId));
        if (session.handedOff()) {
            throw new ConflictException("This conversation was handed to a person.", Map.of("handedOffAt",
                    session.handedOffAt().toString()));
        }
        statistics.count(BotStatistics.ASKED);
        BotSettings settings = configuration.settings();
        HandOffRules rules = new HandOffRules(new PersonRequests(settings.effectiveHandOffKeywords()),
                settings.confidenceThreshold());
        String key = Questions.normalise(text);
        EmotionReading emotion = emotions.read(text);
        boolean angry = emotion.label() == Emotion.ANGRY || emotion.threatensEscalation();
        Optional<HandOffReason> early = rules.beforeAnswer(new HandOffRules.Incoming(text, vip(session), vipSkipsBot, angry,
                sessions.answeredQuestions(sessionId, 20)));
        if (early.isPresent()) {
            return new Prepared(handOff(session, early.get(), text, key), session, key, List.of(), Optional.empty());
        }
        List<Passage> found = passages(text, session.language());
        Optional<HandOffReason> low = rules.afterRetrieval(found.stream().map(Passage::confidence).max(Double::compare));
        if (low.isPresent()) {
            statistics.count(BotStatistics.NO_GOOD_ARTICLE);
            statistics.gap(key, text);
            return new Prepared(handOff(session, low.get(), text, key), session, key, List.of(), Optional.empty());
        }
        return new Prepared(null, session, key, shown(found, rules.threshold()), configuration.llm());
    }

    private BotReply answer(Prepared prepared, String text, Optional<String> phrased) {
        long sessionId = prepared.session().id();
        BotSession session = sessions.lock(sessionId).orElseThrow(() -> new NotFoundException("Bot session", sessionId));
        if (session.handedOff()) {
            // handed to a person while the model was asked (the "talk to a person" button): the answer is dropped
            throw new ConflictException("This conversation was handed to a person.", Map.of("handedOffAt",
                    session.handedOffAt().toString()));
        }
        List<Passage> good = prepared.good();
        String answer = phrased.orElseGet(() -> passageAnswer(good, session.language()));
        Long entryId = note(session, answer + links(good));
        long turnId = sessions.addTurn(sessionId, entryId, text, prepared.key(), answer, good.getFirst(),
                phrased.isPresent(), BotTurn.Outcome.ANSWERED, clock.instant());
        statistics.count(BotStatistics.ANSWERED);
        idleChats.botSpoke(session);
        return new BotReply(sessions.find(sessionId).orElseThrow(), sessions.turn(turnId).orElseThrow(), null, good);
    }

    /** The customer says whether an answer helped; two "not helped" in a row hand the conversation to a person. */
    public BotReply feedback(long sessionId, long turnId, boolean helped) {
        BotSession session = sessions.lock(sessionId).orElseThrow(() -> new NotFoundException("Bot session", sessionId));
        BotTurn turn = sessions.turn(turnId).filter(t -> t.sessionId() == sessionId)
                .orElseThrow(() -> new NotFoundException("Bot answer", turnId));
        if (turn.outcome() != BotTurn.Outcome.ANSWERED) {
            throw InvalidRequestException.of("turnId", "turn " + turnId + " is not an answer");
        }
        if (!sessions.verdict(turnId, helped)) {
            throw new ConflictException("This answer was already rated.", Map.of("helped", String.valueOf(turn.helped())));
        }
        statistics.count(helped ? BotStatistics.HELPED : BotStatistics.NOT_HELPED);
        if (turn.articleId() != null) {
            knowledge.ifAvailable(k -> k.recordFeedback(turn.articleId(), helped, "bot"));
        }
        if (session.ticketId() != null) {
            work.recordNotice(session.ticketId(), TicketNotice.info(helped ? "bot.notice.helped" : "bot.notice.notHelped",
                    turn.articleTitle() == null ? "" : turn.articleTitle()), BOT_AUTHOR);
        }
        int streak = helped ? 0 : session.notHelpedStreak() + 1;
        sessions.streak(sessionId, streak);
        if (session.handedOff()) {
            return new BotReply(sessions.find(sessionId).orElseThrow(), null, null, List.of());
        }
        Optional<HandOffReason> giveUp = HandOffRules.afterFeedback(streak);
        if (giveUp.isPresent()) {
            return handOff(session, giveUp.get(), turn.question(), Questions.normalise(turn.question()));
        }
        String say = text(helped ? "bot.say.helped" : "bot.say.notHelped", session.language());
        long id = sessions.addTurn(sessionId, note(session, say), null, null, say, null, false, BotTurn.Outcome.SAID,
                clock.instant());
        if (helped && session.ticketId() != null) {
            resolve(session.ticketId());
        } else {
            idleChats.botSpoke(session);
        }
        return new BotReply(sessions.find(sessionId).orElseThrow(), sessions.turn(id).orElseThrow(), null, List.of());
    }

    /** The customer pressed "talk to a person". */
    public BotReply requestPerson(long sessionId) {
        BotSession session = sessions.lock(sessionId).orElseThrow(() -> new NotFoundException("Bot session", sessionId));
        if (session.handedOff()) {
            return new BotReply(session, null, null, List.of());
        }
        return handOff(session, HandOffReason.PERSON_REQUESTED, null, null);
    }

    /** A VIP (or anyone the channel sends straight to people) never meets the bot; recorded as a hand-off. */
    public BotReply skip(long sessionId, HandOffReason reason) {
        BotSession session = sessions.lock(sessionId).orElseThrow(() -> new NotFoundException("Bot session", sessionId));
        if (session.handedOff()) {
            return new BotReply(session, null, null, List.of());
        }
        return handOff(session, reason, null, null);
    }

    /** Whether the customer of the session, or the customer with this email, is a VIP. */
    @Transactional(readOnly = true)
    public boolean isVip(Long customerId, String email) {
        if (customerId != null) {
            return customers.get(customerId).isVip();
        }
        if (email != null && !email.isBlank()) {
            return customers.findByEmail(email).map(Customer::isVip).orElse(false);
        }
        return false;
    }

    // ---- inside -----------------------------------------------------------------------------------------------

    private BotReply handOff(BotSession session, HandOffReason reason, String question, String key) {
        Instant now = clock.instant();
        sessions.handedOff(session.id(), now);
        statistics.handOff(session.id(), reason, question, session.ticketId(), now);
        BotTurn turn = null;
        if (reason != HandOffReason.VIP) {
            String say = text(session.source() == BotSession.Source.CHAT ? "bot.say.handOff." + reason
                    : "bot.say.needsPerson", session.language());
            long id = sessions.addTurn(session.id(), note(session, say), question, key, say, null, false,
                    BotTurn.Outcome.HANDED_OFF, now);
            turn = sessions.turn(id).orElseThrow();
        }
        if (session.ticketId() != null) {
            work.recordNotice(session.ticketId(), TicketNotice.info("bot.notice.handOff." + reason), BOT_AUTHOR);
            // a helpful answer resolved the ticket; a person now takes over, so it is open again
            if (work.readBack(session.ticketId()).getStatus() == TicketStatus.RESOLVED) {
                work.changeStatus(session.ticketId(), TicketStatus.REOPENED, BOT);
            }
        }
        return new BotReply(sessions.find(session.id()).orElseThrow(), turn, reason, List.of());
    }

    private List<Passage> passages(String question, BotLanguage language) {
        KnowledgePassages passages = knowledge.getIfAvailable();
        if (passages == null) {
            return List.of();
        }
        try {
            return passages.find(question, language.locale(), PASSAGES);
        } catch (RuntimeException e) {
            log.warn("knowledge passages failed for a bot question: {}", e.toString());
            return List.of();
        }
    }

    /** The best passage and, when good enough too, the best of another article. */
    private static List<Passage> shown(List<Passage> found, double threshold) {
        List<Passage> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        List<Passage> shown = new ArrayList<>();
        for (Passage p : sorted) {
            if (p.confidence() >= threshold && shown.stream().noneMatch(s -> s.articleId() == p.articleId())) {
                shown.add(p);
            }
            if (shown.size() == SHOWN_PASSAGES) {
                break;
            }
        }
        return shown;
    }

    private String passageAnswer(List<Passage> good, BotLanguage language) {
        Passage best = good.getFirst();
        String body = best.text() == null ? "" : best.text().strip();
        if (body.length() > MAX_PASSAGE_CHARS) {
            body = body.substring(0, MAX_PASSAGE_CHARS) + "…";
        }
        return text("bot.say.answerIntro", language) + "\n\n" + best.title() + "\n" + body;
    }

    private static String links(List<Passage> good) {
        StringBuilder s = new StringBuilder();
        for (Passage p : good) {
            s.append("\n→ ").append(p.title()).append(" ").append(p.path());
        }
        return s.toString();
    }

    /** On a chat, what the bot said becomes an internal note by 智能客服 on the ticket; its id orders the widget. */
    private Long note(BotSession session, String said) {
        if (session.source() != BotSession.Source.CHAT || session.ticketId() == null) {
            return null;
        }
        TimelineEntry entry = work.addNote(session.ticketId(), "🤖 " + said, BOT);
        return entry.getId();
    }

    private void resolve(long ticketId) {
        Ticket ticket = work.readBack(ticketId);
        if (ticket.getStatus().canMoveTo(TicketStatus.RESOLVED)) {
            work.changeStatus(ticketId, TicketStatus.RESOLVED, BOT);
        }
    }

    private boolean vip(BotSession session) {
        return session.customerId() != null && customers.get(session.customerId()).isVip();
    }

    private String text(String key, BotLanguage language) {
        return messages.getMessage(key, null, key, language.locale());
    }

    private static String clean(String question) {
        if (question == null || question.isBlank()) {
            throw InvalidRequestException.of("question", "must not be blank");
        }
        String clean = question.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        if (clean.isEmpty()) {
            throw InvalidRequestException.of("question", "must not be blank");
        }
        if (clean.length() > MAX_QUESTION_CHARS) {
            throw InvalidRequestException.of("question", "at most " + MAX_QUESTION_CHARS + " characters");
        }
        return clean;
    }
}
