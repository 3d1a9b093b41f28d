package org.kefu.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class InvitationIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String invite(String email) {
        Api.Response r = admin.post("/api/v1/agents/invitations",
                Map.of("email", email, "displayName", "新同事", "role", "AGENT"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return email;
    }

    @Test
    void invitedAgentSetsAPasswordWithTheMailedLinkOnceAndSignsIn() throws Exception {
        String email = invite(unique("invitee") + "@test.kefu.local");
        String link = Outbox.invitationLink(email);
        assertThat(link).startsWith("http://127.0.0.1:" + port + "/invite/accept?token=");
        String token = Outbox.invitationToken(email);

        PageSession invitee = new PageSession(port);
        assertThat(invitee.signIn(email, "whatever-password")).contains("/login?error");
        PageSession.Page form = invitee.get("/invite/accept?token=" + token);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(email).contains("name=\"password\"");

        PageSession.Page accepted = invitee.post("/invite/accept",
                Map.of("token", token, "password", "invited-pass-123", "confirm", "invited-pass-123"),
                "/invite/accept?token=" + token);
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(accepted.location()).endsWith("/invite/done");
        assertThat(invitee.get("/invite/done").status()).isEqualTo(200);

        assertThat(new PageSession(port).signIn(email, "invited-pass-123")).endsWith("/tickets");

        // the link is used up: neither showing nor posting it works again
        PageSession other = new PageSession(port);
        assertThat(other.get("/invite/accept?token=" + token).status()).isEqualTo(410);
        PageSession.Page again = other.post("/invite/accept",
                Map.of("token", token, "password", "hijacked-pass-123", "confirm", "hijacked-pass-123"), "/login");
        assertThat(again.status()).isEqualTo(410);
        assertThat(new PageSession(port).signIn(email, "hijacked-pass-123")).contains("/login?error");
    }

    private static Instant instant(Object column) {
        return column instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) column).toInstant();
    }

    @Test
    void linkIsValidFor24HoursAndNotAfter() throws Exception {
        String email = invite(unique("late") + "@test.kefu.local");
        String token = Outbox.invitationToken(email);
        Map<String, Object> row = jdbc.queryForMap("select i.created_at, i.expires_at from agent_invitation i "
                + "join agent a on a.id = i.agent_id where a.email = ?", email);
        Instant created = instant(row.get("created_at"));
        Instant expires = instant(row.get("expires_at"));
        assertThat(Duration.between(created, expires)).isEqualTo(Duration.ofHours(24));

        jdbc.update("update agent_invitation set expires_at = ? where agent_id = (select id from agent where email = ?)",
                Timestamp.from(Instant.now().minusSeconds(1)), email);

        PageSession invitee = new PageSession(port);
        assertThat(invitee.get("/invite/accept?token=" + token).status()).isEqualTo(410);
        PageSession.Page late = invitee.post("/invite/accept",
                Map.of("token", token, "password", "too-late-pass-123", "confirm", "too-late-pass-123"), "/login");
        assertThat(late.status()).isEqualTo(410);
        assertThat(new PageSession(port).signIn(email, "too-late-pass-123")).contains("/login?error");
    }

    @Test
    void sendingTheInvitationAgainRetiresTheOlderLink() throws Exception {
        String email = invite(unique("again") + "@test.kefu.local");
        String first = Outbox.invitationToken(email);
        long id = admin.get("/api/v1/agents").body().valueStream()
                .filter(a -> a.get("email").asString().equals(email)).findFirst().orElseThrow().get("id").asLong();
        assertThat(admin.post("/api/v1/agents/" + id + "/invitation", Map.of()).status()).isEqualTo(200);
        String second = Outbox.invitationToken(email);
        assertThat(second).isNotEqualTo(first);

        PageSession invitee = new PageSession(port);
        assertThat(invitee.get("/invite/accept?token=" + first).status()).isEqualTo(410);
        assertThat(invitee.get("/invite/accept?token=" + second).status()).isEqualTo(200);
    }

    @Test
    void aShortPasswordIsRefusedNextToTheFieldAndTheLinkStillWorks() throws Exception {
        String email = invite(unique("short") + "@test.kefu.local");
        String token = Outbox.invitationToken(email);
        PageSession invitee = new PageSession(port);
        PageSession.Page refused = invitee.post("/invite/accept",
                Map.of("token", token, "password", "short", "confirm", "short"), "/invite/accept?token=" + token);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"password-error\"");
        assertThat(invitee.get("/invite/accept?token=" + token).status()).isEqualTo(200);
    }

    @Test
    void acceptingWithoutTheCsrfTokenIsRefused() throws Exception {
        String email = invite(unique("csrf") + "@test.kefu.local");
        String token = Outbox.invitationToken(email);
        PageSession forger = new PageSession(port);
        PageSession.Page forged = forger.postRaw("/invite/accept",
                Map.of("token", token, "password", "forged-pass-123", "confirm", "forged-pass-123"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forger.get("/invite/accept?token=" + token).status()).isEqualTo(200);
    }

    @Test
    void unknownLinksShowTheExpiredPage() {
        PageSession someone = new PageSession(port);
        assertThat(someone.get("/invite/accept?token=not-a-real-token").status()).isEqualTo(410);
        assertThat(someone.get("/invite/accept").status()).isEqualTo(410);
    }

    @Test
    void onlyAdminsMayInvite() {
        Api agent = agentIn("SUPERVISOR", java.util.List.of(), java.util.List.of());
        Api.Response r = agent.post("/api/v1/agents/invitations",
                Map.of("email", unique("nope") + "@test.kefu.local", "displayName", "x", "role", "AGENT"));
        assertThat(r.status()).isEqualTo(403);
    }
}
