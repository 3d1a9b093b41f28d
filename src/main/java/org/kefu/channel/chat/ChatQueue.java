package org.kefu.channel.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.AgentEvents;
import org.kefu.agent.Department;
import org.kefu.agent.Presence;
import org.kefu.agent.Team;
import org.kefu.channel.chat.ChatConversation.State;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.ForbiddenException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.platform.live.LiveUpdates;
import org.kefu.routing.AgentChoices;
import org.kefu.ticket.Author;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chat queue: waiting chats with position and estimated wait, offered to the agent routing picks
 * for the chat's team (when the team routes automatically), else to the least busy available agent
 * of the chat's department (and team), accepted without ever exceeding an
 * agent's maximum load, transferred, solved. It also measures the chat norm (first response,
 * solution) on every chat.
 */
@Service
@Transactional
public class ChatQueue {

    private final ChatConversations conversations;
    private final ChatAgentLoads loads;
    private final ChatChannels channels;
    private final AgentDirectory agents;
    private final TicketWork work;
    private final LiveUpdates live;
    private final ApplicationEventPublisher events;
    private final ChatSettings settings;
    private final Clock clock;
    private final AgentChoices choices;

    ChatQueue(ChatConversations conversations, ChatAgentLoads loads, ChatChannels channels, AgentDirectory agents,
            TicketWork work, LiveUpdates live, ApplicationEventPublisher events, ChatSettings settings, Clock clock,
            AgentChoices choices) {
        this.choices = choices;
        this.conversations = conversations;
        this.loads = loads;
        this.channels = channels;
        this.agents = agents;
        this.work = work;
        this.live = live;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** A waiting chat as the console lists it. */
    public record WaitingChat(ChatConversation conversation, int position, boolean offeredToMe) {
    }

    /** A chat's place in the queue as the visitor sees it. */
    public record QueuePlace(int position, Duration estimatedWait) {
    }

    /** An agent's active chat with its chat-norm deadlines. */
    public record ActiveChat(ChatConversation conversation, Instant firstResponseDue, Instant solutionDue) {

        public boolean firstResponseLate() {
            Instant at = conversation.firstResponseAt();
            return at != null && at.isAfter(firstResponseDue);
        }
    }

    @Transactional(readOnly = true)
    public List<WaitingChat> waiting(Actor actor) {
        List<ChatConversation> rows = conversations.waiting(actor.isAdmin() ? null : List.copyOf(actor.departmentIds()), 200);
        List<WaitingChat> result = new ArrayList<>();
        Map<Long, Integer> positions = new java.util.HashMap<>();
        for (ChatConversation c : rows) {
            int position = positions.merge(c.departmentId(), 1, Integer::sum);
            if (actor.canSee(c.departmentId(), c.teamId(), null)) {
                result.add(new WaitingChat(c, position, c.offeredAgentId() != null && c.offeredAgentId() == actor.id()));
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public List<ActiveChat> active(Actor actor) {
        return conversations.activeOf(actor.id()).stream().map(this::withNorm).toList();
    }

    @Transactional(readOnly = true)
    public ActiveChat chat(long conversationId, Actor actor) {
        ChatConversation c = conversations.find(conversationId).orElseThrow(() -> new NotFoundException("Chat", conversationId));
        if (!actor.canSee(c.departmentId(), c.teamId(), c.agentId())) {
            throw new NotFoundException("Chat", conversationId);
        }
        return withNorm(c);
    }

    /** The chat of a ticket, if the ticket came in by chat. */
    @Transactional(readOnly = true)
    public Optional<ChatConversation> ofTicket(long ticketId) {
        return conversations.byTicket(ticketId);
    }

    @Transactional(readOnly = true)
    public int load(long agentId) {
        return loads.of(agentId);
    }

    ActiveChat withNorm(ChatConversation c) {
        Instant since = c.waitingSince() == null ? c.startedAt() : c.waitingSince();
        return new ActiveChat(c, since.plus(settings.firstResponseTarget()), since.plus(settings.solutionTarget()));
    }

    @Transactional(readOnly = true)
    public QueuePlace place(ChatConversation c) {
        if (c.state() != State.WAITING) {
            return new QueuePlace(0, Duration.ZERO);
        }
        int position = conversations.ahead(c) + 1;
        Double average = conversations.averageSecondsToAccept(c.channelId(), 20);
        double perPosition = average == null ? settings.defaultWait().toSeconds() : Math.max(5, average);
        long available = Math.max(1, candidates(c.departmentId(), c.teamId()).size());
        return new QueuePlace(position, Duration.ofSeconds(Math.round(perPosition * position / available)));
    }

    /** Whether anyone could take a chat of this channel right now (else the widget offers the message form). */
    @Transactional(readOnly = true)
    public boolean anyoneAvailable(ChatChannel channel) {
        return !candidates(channel.departmentId(), channel.teamId()).isEmpty();
    }

    /** Puts the chat into the queue and offers it to the least busy available agent. */
    void enqueue(ChatConversation c, long departmentId, Long teamId) {
        conversations.enqueue(c.id(), departmentId, teamId, clock.instant());
        offer(conversations.find(c.id()).orElseThrow());
        changed(c);
    }

    /**
     * Offers the chat: for a chat of a team with automatic routing, to the agent routing picks (skills,
     * open chats against the maximum, VIP customers to senior agents, longest idle); otherwise, or when
     * routing finds nobody among the available agents with room, to the one with the fewest open chats.
     */
    void offer(ChatConversation c) {
        List<Agent> candidates = candidates(c.departmentId(), c.teamId());
        Map<Long, Integer> current = loads.of(candidates.stream().map(Agent::getId).toList());
        List<Agent> withRoom = candidates.stream().filter(a -> current.getOrDefault(a.getId(), 0) < a.getMaxLoad()).toList();
        Optional<Agent> best = routed(c, withRoom, current).or(() -> withRoom.stream()
                .min(Comparator.comparingInt((Agent a) -> current.getOrDefault(a.getId(), 0)).thenComparing(Agent::getId)));
        conversations.offer(c.id(), best.map(Agent::getId).orElse(null));
        best.ifPresent(agent -> afterCommit(() -> live.publishTo(agent.getId(), "ticket",
                "{\"ticketId\":" + (c.ticketId() == null ? 0 : c.ticketId()) + ",\"kind\":\"chat-offer\"}")));
    }

    private Optional<Agent> routed(ChatConversation c, List<Agent> withRoom, Map<Long, Integer> chatLoads) {
        if (c.teamId() == null || c.ticketId() == null || withRoom.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Integer> eligible = new java.util.HashMap<>();
        withRoom.forEach(a -> eligible.put(a.getId(), chatLoads.getOrDefault(a.getId(), 0)));
        return choices.choose(c.teamId(), c.ticketId(), eligible)
                .flatMap(id -> withRoom.stream().filter(a -> a.getId() == id).findFirst());
    }

    /** The agent takes a waiting chat; 409 if another agent was quicker or the agent is at the maximum load. */
    public ActiveChat accept(long conversationId, Actor actor) {
        ChatConversation c = conversations.lock(conversationId).orElseThrow(() -> new NotFoundException("Chat", conversationId));
        if (!actor.canSee(c.departmentId(), c.teamId(), null)) {
            throw new NotFoundException("Chat", conversationId);
        }
        if (c.state() != State.WAITING) {
            throw new ConflictException("This chat is no longer waiting.", Map.of("state", c.state().name()));
        }
        Agent agent = agents.get(actor.id());
        if (!loads.take(actor.id(), agent.getMaxLoad())) {
            throw new ConflictException("You already have " + agent.getMaxLoad() + " chats open, your maximum.",
                    Map.of("maxLoad", agent.getMaxLoad()));
        }
        if (!conversations.accept(conversationId, actor.id(), clock.instant())) {
            throw new ConflictException("Another agent accepted this chat first.", Map.of());
        }
        Ticket ticket = work.readBack(c.ticketId());
        work.assign(c.ticketId(), null, ticket.getTeamId(), actor.id(), actor);
        changed(c);
        return withNorm(conversations.find(conversationId).orElseThrow());
    }

    /** Hands an active chat to a colleague (who must have room) or back to a team's queue, with a reason. */
    public ChatConversation transfer(long conversationId, Long toAgentId, Long toTeamId, String reason, Actor actor) {
        if ((toAgentId == null) == (toTeamId == null)) {
            throw InvalidRequestException.of("toAgentId", "give either toAgentId or toTeamId");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidRequestException.of("reason", "must not be blank");
        }
        if (reason.length() > 500) {
            throw InvalidRequestException.of("reason", "at most 500 characters");
        }
        ChatConversation c = conversations.lock(conversationId).orElseThrow(() -> new NotFoundException("Chat", conversationId));
        requireOwner(c, actor);
        String from = actor.name();
        if (toAgentId != null) {
            if (toAgentId == actor.id()) {
                throw InvalidRequestException.of("toAgentId", "the chat is already yours");
            }
            Agent target;
            try {
                target = agents.get(toAgentId);
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("toAgentId", "no agent " + toAgentId);
            }
            if (!target.isActive() || !target.toActor().canSee(c.departmentId(), c.teamId(), null)) {
                throw InvalidRequestException.of("toAgentId", "agent " + toAgentId + " does not work in this chat's department");
            }
            if (!loads.take(toAgentId, target.getMaxLoad())) {
                throw new ConflictException(target.getDisplayName() + " already has the maximum number of chats.",
                        Map.of("maxLoad", target.getMaxLoad()));
            }
            loads.release(actor.id());
            conversations.handOver(conversationId, toAgentId);
            work.assign(c.ticketId(), null, work.readBack(c.ticketId()).getTeamId(), toAgentId, actor);
            work.recordNotice(c.ticketId(), TicketNotice.info("chat.notice.transferredToAgent", from,
                    target.getDisplayName(), reason.strip()), Author.of(actor));
            afterCommit(() -> live.publishTo(toAgentId, "ticket", "{\"ticketId\":" + c.ticketId() + ",\"kind\":\"chat-transfer\"}"));
        } else {
            Team team;
            try {
                team = agents.team(toTeamId);
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("toTeamId", "no team " + toTeamId);
            }
            long department = team.getDepartment().getId();
            loads.release(actor.id());
            work.assign(c.ticketId(), department, toTeamId, null, actor);
            work.recordNotice(c.ticketId(), TicketNotice.info("chat.notice.transferredToTeam", from, team.getName(),
                    reason.strip()), Author.of(actor));
            enqueue(c, department, toTeamId);
        }
        changed(c);
        return conversations.find(conversationId).orElseThrow();
    }

    /** The agent's answer in the chat: a public reply on the ticket, pushed to the visitor's widget. */
    public org.kefu.ticket.TimelineEntry reply(long conversationId, String text, Actor actor) {
        ChatConversation c = conversations.find(conversationId).orElseThrow(() -> new NotFoundException("Chat", conversationId));
        if (!actor.canSee(c.departmentId(), c.teamId(), c.agentId()) || c.ticketId() == null) {
            throw new NotFoundException("Chat", conversationId);
        }
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.of("text", "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > settings.maxMessageChars()) {
            throw new org.kefu.platform.ContentTooLargeException("A chat message may have at most "
                    + settings.maxMessageChars() + " characters.", Map.of("field", "text", "maxChars", settings.maxMessageChars()));
        }
        return work.postMessage(c.ticketId(), text.strip(), false, actor);
    }

    /** The agent marks the chat solved: it ends, the ticket is resolved, the next waiting chat is offered. */
    public ChatConversation solve(long conversationId, Actor actor) {
        ChatConversation c = conversations.lock(conversationId).orElseThrow(() -> new NotFoundException("Chat", conversationId));
        requireOwner(c, actor);
        finish(c, true);
        Ticket ticket = work.readBack(c.ticketId());
        if (ticket.getStatus() != TicketStatus.RESOLVED && ticket.getStatus() != TicketStatus.CLOSED) {
            work.changeStatus(c.ticketId(), TicketStatus.RESOLVED, actor);
        }
        return conversations.find(conversationId).orElseThrow();
    }

    /** Ends the chat (the visitor left, or it was solved), frees the agent and offers the next chat. */
    void finish(ChatConversation c, boolean solved) {
        if (c.state() == State.ENDED) {
            return;
        }
        conversations.end(c.id(), solved, clock.instant());
        if (c.state() == State.ACTIVE && c.agentId() != null) {
            loads.release(c.agentId());
            offerNext(c.departmentId());
        }
        changed(c);
    }

    /**
     * Offers the waiting chats nobody was offered yet (they came while no agent was available) in the
     * agent's departments; the console calls it as it refreshes the queue.
     */
    public void offerUnoffered(Actor actor) {
        offerUnoffered(List.copyOf(actor.departmentIds()));
    }

    /**
     * An agent who becomes available is offered the chats that waited while nobody was, in the same
     * transaction as the presence change (no second connection after the commit).
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void agentBecameAvailable(AgentEvents.PresenceChanged e) {
        if (e.to() == Presence.AVAILABLE) {
            offerUnoffered(agents.get(e.agentId()).getDepartments().stream().map(Department::getId).toList());
        }
    }

    private void offerUnoffered(List<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return;
        }
        conversations.waiting(departmentIds, 20).stream()
                .filter(w -> w.offeredAgentId() == null).limit(10).forEach(this::offer);
    }

    private void offerNext(long departmentId) {
        conversations.waiting(List.of(departmentId), 20).stream()
                .filter(w -> w.offeredAgentId() == null)
                .findFirst().ifPresent(this::offer);
    }

    /** The chat norm's first response: the first agent reply on a chat ticket. */
    @EventListener
    void replied(TicketEvents.AgentReplied e) {
        conversations.firstResponse(e.ticketId(), clock.instant());
    }

    /** A chat ticket resolved or closed from the ticket page counts as solved and ends the chat. */
    @EventListener
    void statusChanged(TicketEvents.TicketStatusChanged e) {
        if (e.to() == TicketStatus.RESOLVED || e.to() == TicketStatus.CLOSED) {
            conversations.byTicket(e.ticketId()).filter(c -> c.state() != State.ENDED && c.state() != State.NEW)
                    .ifPresent(c -> finish(c, true));
        }
    }

    private void requireOwner(ChatConversation c, Actor actor) {
        if (!actor.canSee(c.departmentId(), c.teamId(), c.agentId())) {
            throw new NotFoundException("Chat", c.id());
        }
        if (c.state() != State.ACTIVE) {
            throw new ConflictException("This chat is not active.", Map.of("state", c.state().name()));
        }
        if (c.agentId() == null || (c.agentId() != actor.id() && !actor.role().atLeast(Role.SUPERVISOR))) {
            throw new ForbiddenException("Only the agent who has this chat (or a supervisor) may do this.");
        }
    }

    private List<Agent> candidates(long departmentId, Long teamId) {
        return agents.availableIn(departmentId, teamId);
    }

    private void changed(ChatConversation c) {
        events.publishEvent(new ChatEvents.ChatChanged(c.id(), c.ticketId() == null ? 0 : c.ticketId()));
    }

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
}
