package org.kefu.channel.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kefu.channel.chat.ChatConversation.State;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerChanges;
import org.kefu.customer.CustomerDirectory;
import org.kefu.customer.NewCustomer;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.ticket.Author;
import org.kefu.ticket.CustomerSelfService;
import org.kefu.ticket.NewTicket;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketIntake;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.kefu.ticket.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a chat visitor does through the widget: start or resume a conversation (a random token
 * kept in the visitor's browser proves it is theirs), write, read the transcript, leave a
 * message when nobody is available, end the chat. The first message opens a ticket with channel
 * CHAT for the customer with the visitor's email, or for a new customer known by the visitor id.
 */
@Service
@Transactional
public class ChatVisitors {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}$");
    /** Writes the visitor's messages through the ticket module; only used for the access check there. */
    private static final Actor CHAT_DESK = new Actor(0, "Kefu chat", "chat@kefu.local", Role.ADMIN, Set.of(), Set.of());

    private final ChatChannels channels;
    private final ChatConversations conversations;
    private final ChatQueue queue;
    private final ChatRateLimits limits;
    private final ChatSettings settings;
    private final CustomerDirectory customers;
    private final TicketIntake intake;
    private final TicketWork work;
    private final CustomerSelfService selfService;
    private final Clock clock;
    private final List<ChatSelfHelp> selfHelp;
    private final TransactionTemplate transactions;

    ChatVisitors(ChatChannels channels, ChatConversations conversations, ChatQueue queue, ChatRateLimits limits,
            ChatSettings settings, CustomerDirectory customers, TicketIntake intake, TicketWork work,
            CustomerSelfService selfService, Clock clock, List<ChatSelfHelp> selfHelp, TransactionTemplate transactions) {
        this.selfHelp = List.copyOf(selfHelp);
        this.transactions = transactions;
        this.channels = channels;
        this.conversations = conversations;
        this.queue = queue;
        this.limits = limits;
        this.settings = settings;
        this.customers = customers;
        this.intake = intake;
        this.work = work;
        this.selfService = selfService;
        this.clock = clock;
    }

    /** A message of the conversation as the visitor sees it. */
    public record ChatMessage(long id, String from, String name, String text, Instant at) {

        static ChatMessage of(TimelineEntry e) {
            boolean visitor = e.getKind() == TimelineEntry.Kind.CUSTOMER_MESSAGE;
            return new ChatMessage(e.getId(), visitor ? "visitor" : "agent", e.getAuthor() == null ? null : e.getAuthor().name(),
                    e.getBody(), e.getCreatedAt());
        }
    }

    /** The visitor's conversation: its state, place in the queue and the messages after a given id. */
    public record Transcript(ChatConversation conversation, ChatQueue.QueuePlace place, boolean agentsAvailable,
            List<ChatMessage> messages) {
    }

    /** A started or resumed conversation; {@code token} is what the widget keeps in localStorage. */
    public record Session(String token, boolean resumed, ChatChannel channel, Transcript transcript) {
    }

    public ChatChannel channel(String publicKey) {
        return channels.active(publicKey).orElseThrow(() -> new NotFoundException("Chat channel", publicKey));
    }

    /** Resumes the conversation of this token, or starts a new one (then the token is new). */
    public Session start(String publicKey, String token, String name, String email, String ip) {
        ChatChannel channel = channel(publicKey);
        String cleanName = name(name);
        String cleanEmail = email(email, false);
        if (token != null && !token.isBlank()) {
            Optional<ChatConversation> existing = conversations.byToken(hash(token))
                    .filter(c -> c.channelId() == channel.id());
            if (existing.isPresent()) {
                ChatConversation c = existing.get();
                if (c.ticketId() == null && (cleanName != null || cleanEmail != null)) {
                    conversations.identify(c.id(), cleanName, cleanEmail);
                }
                return new Session(token, true, channel, transcript(conversations.find(c.id()).orElseThrow(), channel, 0));
            }
        }
        limits.ip(ip);
        String newToken = randomToken();
        String visitorId = "v-" + HexFormat.of().formatHex(random(10));
        long id = conversations.insert(channel.id(), visitorId, hash(newToken), cleanName, cleanEmail, channel.departmentId(),
                channel.teamId(), clock.instant());
        return new Session(newToken, false, channel, transcript(conversations.find(id).orElseThrow(), channel, 0));
    }

    /**
     * The visitor writes; the first message opens the ticket and puts the chat into the queue. A chat that no
     * agent has asks self-help (the bot) first, after the message is committed: the bot may call out over the
     * network and must hold no connection or lock meanwhile. If it declines, the chat is queued then.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public ChatMessage send(String publicKey, String token, String text, String ip) {
        Received received = transactions.execute(tx -> receive(publicKey, token, text, ip));
        if (received.askSelfHelp() && !answeredBySelfHelp(received.conversation(), received.body())) {
            transactions.executeWithoutResult(tx -> handToAgents(received.conversation().id()));
        }
        return received.message();
    }

    /** A visitor's message as written, and whether self-help is to be asked before the chat is queued. */
    private record Received(ChatMessage message, ChatConversation conversation, String body, boolean askSelfHelp) {
    }

    private Received receive(String publicKey, String token, String text, String ip) {
        ChatChannel channel = channel(publicKey);
        ChatConversation unlocked = own(channel, token);
        String body = text(text, "text");
        limits.message(unlocked.visitorId(), ip);
        // one message of a conversation at a time: two first messages at once must not open two tickets
        ChatConversation c = conversations.lock(unlocked.id()).orElseThrow();
        if (c.ticketId() == null || closed(c.ticketId())) {
            Customer customer = c.customerId() != null ? customers.get(c.customerId()) : customer(c);
            Ticket ticket = intake.open(new NewTicket(subject(body), body, Channel.CHAT, customer.getId(), null, null, null,
                    null, null, null, null, null, List.of(), Map.of(), c.departmentId(), c.teamId(), null),
                    Author.customer(customer.getId(), customer.getName()), List.of(), String.valueOf(channel.id()));
            conversations.opened(c.id(), customer.getId(), ticket.getId());
            c = conversations.find(c.id()).orElseThrow();
            TimelineEntry entry = selfService.conversation(ticket.getId(), customer.getId()).getFirst();
            return new Received(ChatMessage.of(entry), c, body, true);
        }
        TimelineEntry entry = work.postMessage(c.ticketId(), body, true, CHAT_DESK);
        return new Received(ChatMessage.of(entry), c, body, c.state() == State.ENDED || c.state() == State.NEW);
    }

    /**
     * Puts a chat that no agent has into the queue, e.g. when the self-service bot hands it over; a chat
     * already waiting or with an agent is left as it is.
     */
    public void handToAgents(long conversationId) {
        ChatConversation c = conversations.lock(conversationId).orElseThrow(() -> new NotFoundException("Chat", conversationId));
        if (c.ticketId() != null && (c.state() == State.NEW || c.state() == State.ENDED)) {
            queue.enqueue(c, c.departmentId(), c.teamId());
        }
    }

    private boolean answeredBySelfHelp(ChatConversation c, String body) {
        return selfHelp.stream().anyMatch(s -> s.answered(c, body));
    }

    /** The conversation and the messages after {@code sinceId} (the polling fallback of the stream). */
    @Transactional(readOnly = true)
    public Transcript read(String publicKey, String token, long sinceId) {
        ChatChannel channel = channel(publicKey);
        return transcript(own(channel, token), channel, sinceId);
    }

    /** Checks a token without reading anything: the visitor's stream opens with it. */
    @Transactional(readOnly = true)
    public ChatConversation conversation(String publicKey, String token) {
        return own(channel(publicKey), token);
    }

    /** The visitor closes the chat; the agent sees it on the timeline and gets the slot back. */
    public void end(String publicKey, String token) {
        ChatChannel channel = channel(publicKey);
        ChatConversation c = own(channel, token);
        if (c.state() == State.ENDED || c.state() == State.NEW) {
            return;
        }
        queue.finish(conversations.lock(c.id()).orElseThrow(), false);
        work.recordNotice(c.ticketId(), TicketNotice.info("chat.notice.visitorLeft", c.displayName()), Author.SYSTEM);
    }

    /** "No agent available": the visitor's message becomes a ticket with channel CHAT; returns it. */
    public Ticket leaveMessage(String publicKey, String name, String email, String text, String ip) {
        ChatChannel channel = channel(publicKey);
        if (!channel.offlineForm()) {
            throw new NotFoundException("Message form of chat channel", publicKey);
        }
        String cleanEmail = email(email, true);
        String cleanName = name(name);
        String body = text(text, "text");
        limits.ip(ip);
        Customer customer = customers.findOrCreateByEmail(cleanEmail, cleanName);
        if (customer.getMergedIntoId() != null) {
            customer = customers.get(customer.getMergedIntoId());
        }
        return intake.open(new NewTicket(subject(body), body, Channel.CHAT, customer.getId(), null, null, null, null, null,
                        null, null, null, List.of("chat-offline"), Map.of(), channel.departmentId(), channel.teamId(), null),
                Author.customer(customer.getId(), customer.getName()), List.of(), String.valueOf(channel.id()));
    }

    /** The visitor's message of the agent's reply with this timeline entry, if the ticket is a chat. */
    @Transactional(readOnly = true)
    public Optional<Map.Entry<Long, ChatMessage>> replyForVisitor(long ticketId, long entryId) {
        return conversations.byTicket(ticketId).filter(c -> c.customerId() != null).flatMap(c ->
                selfService.conversation(ticketId, c.customerId()).stream().filter(e -> e.getId() == entryId)
                        .findFirst().map(e -> Map.entry(c.id(), ChatMessage.of(e))));
    }

    private Transcript transcript(ChatConversation c, ChatChannel channel, long sinceId) {
        List<ChatMessage> messages = c.ticketId() == null || c.customerId() == null ? List.of()
                : selfService.conversation(c.ticketId(), c.customerId()).stream().filter(e -> e.getId() > sinceId)
                        .map(ChatMessage::of).toList();
        return new Transcript(c, queue.place(c), queue.anyoneAvailable(channel), messages);
    }

    private Customer customer(ChatConversation c) {
        NewCustomer.IdentityRef identity = new NewCustomer.IdentityRef(Channel.CHAT, c.visitorId(), c.visitorName());
        if (c.visitorEmail() != null) {
            Optional<Customer> known = customers.findByEmail(c.visitorEmail());
            if (known.isPresent()) {
                Customer customer = known.get().getMergedIntoId() != null ? customers.get(known.get().getMergedIntoId())
                        : known.get();
                customers.update(customer.getId(), new CustomerChanges(null, null, null, List.of(identity), null, null,
                        null, null, null, null));
                return customer;
            }
        }
        String name = c.visitorName() != null ? c.visitorName()
                : c.visitorEmail() != null ? c.visitorEmail().substring(0, c.visitorEmail().indexOf('@'))
                : "访客 " + c.visitorId().substring(2, 8);
        NewCustomer command = new NewCustomer(name, c.visitorEmail() == null ? List.of() : List.of(c.visitorEmail()),
                List.of(), List.of(identity), null, null, null, null, List.of(), null);
        return c.visitorEmail() == null ? customers.findOrCreateByIdentity(command) : customers.findOrCreateByEmail(command);
    }

    private boolean closed(long ticketId) {
        Ticket ticket = work.readBack(ticketId);
        return ticket.getStatus() == TicketStatus.CLOSED || ticket.getMergedIntoId() != null;
    }

    private ChatConversation own(ChatChannel channel, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("Chat conversation", "of this token");
        }
        return conversations.byToken(hash(token)).filter(c -> c.channelId() == channel.id())
                .orElseThrow(() -> new NotFoundException("Chat conversation", "of this token"));
    }

    private String text(String text, String field) {
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
        if (clean.isEmpty()) {
            throw InvalidRequestException.of(field, "must not be blank");
        }
        if (clean.codePointCount(0, clean.length()) > settings.maxMessageChars()) {
            throw new ContentTooLargeException("A chat message may have at most " + settings.maxMessageChars() + " characters.",
                    Map.of("field", field, "maxChars", settings.maxMessageChars()));
        }
        return clean;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.replaceAll("\\p{Cntrl}", "").strip();
        if (clean.length() > 200) {
            throw InvalidRequestException.of("name", "at most 200 characters");
        }
        return clean.isEmpty() ? null : clean;
    }

    private static String email(String email, boolean required) {
        if (email == null || email.isBlank()) {
            if (required) {
                throw InvalidRequestException.of("email", "must not be blank");
            }
            return null;
        }
        String clean = email.strip();
        if (clean.length() > 320 || !EMAIL.matcher(clean).matches()) {
            throw InvalidRequestException.of("email", "must be an email address");
        }
        return clean.toLowerCase(java.util.Locale.ROOT);
    }

    private static String subject(String body) {
        String line = body.lines().filter(l -> !l.isBlank()).findFirst().orElse(body).strip();
        return line.codePointCount(0, line.length()) <= 80 ? line
                : line.substring(0, line.offsetByCodePoints(0, 79)) + "…";
    }

    private static String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
