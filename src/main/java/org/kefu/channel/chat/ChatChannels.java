package org.kefu.channel.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Team;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The chat channels admins configure; looked up by public key on every visitor request (cached briefly). */
@Service
@Transactional
public class ChatChannels {

    private static final Pattern ORIGIN = Pattern.compile("^https?://[a-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AgentDirectory agents;
    private final Clock clock;
    private final Cache<String, Optional<ChatChannel>> byKey = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    ChatChannels(JdbcClient jdbc, AgentDirectory agents, Clock clock) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChatChannel> list() {
        return jdbc.sql("select * from chat_channel order by name, id").query(ChatChannels::row).list();
    }

    @Transactional(readOnly = true)
    public ChatChannel get(long id) {
        return jdbc.sql("select * from chat_channel where id = ?").param(id).query(ChatChannels::row).optional()
                .orElseThrow(() -> new NotFoundException("Chat channel", id));
    }

    /**
     * The active channel with this public key, from a short-lived cache. Called on every visitor request (also for CORS):
     * no transaction of its own, so a cache hit takes no database connection. A miss is loaded outside the cache's lock:
     * callers inside a transaction hold a pooled connection, and a loader waiting for a connection under the lock they
     * wait on would deadlock the pool (seen with 1,000 chat visitors when the entry expired).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<ChatChannel> active(String publicKey) {
        if (publicKey == null || publicKey.length() > 64) {
            return Optional.empty();
        }
        Optional<ChatChannel> channel = byKey.getIfPresent(publicKey);
        if (channel == null) {
            channel = jdbc.sql("select * from chat_channel where public_key = ?").param(publicKey)
                    .query(ChatChannels::row).optional();
            byKey.put(publicKey, channel);
        }
        return channel.filter(ChatChannel::active);
    }

    public ChatChannel create(ChatChannelInput input, Actor actor) {
        actor.requireRole(Role.ADMIN);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        long department = input.departmentId() == null ? agents.defaultDepartment().getId() : input.departmentId();
        ChatChannel draft = new ChatChannel(0, input.name().strip(), newKey(), origins(input.allowedOrigins()),
                department, input.teamId(), text(input.greeting(), "greeting", 1000),
                input.offlineForm() == null || input.offlineForm(), input.active() == null || input.active(), null, null);
        check(draft);
        long id = jdbc.sql("select nextval('chat_channel_seq')").query(Long.class).single();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into chat_channel (id, name, public_key, allowed_origins, department_id, team_id, greeting,
                    offline_form, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, draft.name(), draft.publicKey(), String.join(" ", draft.allowedOrigins()), draft.departmentId(),
                        draft.teamId(), draft.greeting(), draft.offlineForm(), draft.active(), ts(now), ts(now))
                .update();
        return get(id);
    }

    public ChatChannel update(long id, ChatChannelInput input, Actor actor) {
        actor.requireRole(Role.ADMIN);
        ChatChannel current = get(id);
        if (input.name() != null && input.name().isBlank()) {
            throw InvalidRequestException.of("name", "must not be blank");
        }
        ChatChannel changed = new ChatChannel(id, input.name() == null ? current.name() : input.name().strip(),
                current.publicKey(), input.allowedOrigins() == null ? current.allowedOrigins() : origins(input.allowedOrigins()),
                input.departmentId() == null ? current.departmentId() : input.departmentId(),
                input.departmentId() == null && input.teamId() == null ? current.teamId() : input.teamId(),
                input.greeting() == null ? current.greeting() : text(input.greeting(), "greeting", 1000),
                input.offlineForm() == null ? current.offlineForm() : input.offlineForm(),
                input.active() == null ? current.active() : input.active(), current.createdAt(), null);
        check(changed);
        jdbc.sql("""
                update chat_channel set name = ?, allowed_origins = ?, department_id = ?, team_id = ?, greeting = ?,
                    offline_form = ?, active = ?, updated_at = ? where id = ?""")
                .params(changed.name(), String.join(" ", changed.allowedOrigins()), changed.departmentId(), changed.teamId(),
                        changed.greeting(), changed.offlineForm(), changed.active(), ts(clock.instant()), id)
                .update();
        byKey.invalidate(current.publicKey());
        return get(id);
    }

    private void check(ChatChannel channel) {
        if (channel.name().length() > 200) {
            throw InvalidRequestException.of("name", "at most 200 characters");
        }
        try {
            agents.department(channel.departmentId());
        } catch (NotFoundException e) {
            throw InvalidRequestException.of("departmentId", "no department " + channel.departmentId());
        }
        if (channel.teamId() != null) {
            Team team;
            try {
                team = agents.team(channel.teamId());
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("teamId", "no team " + channel.teamId());
            }
            if (team.getDepartment().getId() != channel.departmentId()) {
                throw InvalidRequestException.of("teamId", "team " + channel.teamId() + " is not in department "
                        + channel.departmentId());
            }
        }
    }

    /** Origins as a browser sends them: scheme, host and port, no path; "*" allows any site. */
    static List<String> origins(List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (String raw : given) {
            for (String part : raw.split("[\\s,]+")) {
                String origin = part.strip().toLowerCase(Locale.ROOT);
                while (origin.endsWith("/")) {
                    origin = origin.substring(0, origin.length() - 1);
                }
                if (origin.isEmpty()) {
                    continue;
                }
                if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
                    throw InvalidRequestException.of("allowedOrigins",
                            "'" + part + "' is not an origin like https://www.example.com");
                }
                if (!clean.contains(origin)) {
                    clean.add(origin);
                }
            }
        }
        if (clean.size() > 50) {
            throw InvalidRequestException.of("allowedOrigins", "at most 50 origins");
        }
        return clean;
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw InvalidRequestException.of(field, "at most " + max + " characters");
        }
        return value.strip();
    }

    private static String newKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static ChatChannel row(ResultSet rs, int n) throws SQLException {
        String origins = rs.getString("allowed_origins");
        return new ChatChannel(rs.getLong("id"), rs.getString("name"), rs.getString("public_key"),
                origins == null || origins.isBlank() ? List.of() : Arrays.asList(origins.strip().split("\\s+")),
                rs.getLong("department_id"), nullableLong(rs, "team_id"), rs.getString("greeting"),
                rs.getBoolean("offline_form"), rs.getBoolean("active"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
