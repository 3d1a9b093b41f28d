package org.kefu.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;

/** The admin page of the chat channels and the agent's chat console, over HTTP as a browser sends them. */
class ChatPagesIT extends IntegrationTest {

    @Test
    void anAdminCreatesAChannelAndSeesItsSnippet() {
        WebVisitor web = new WebVisitor(port);
        web.agentSignIn("admin@test.kefu.local", "admin-password-123");
        assertThat(web.get("/admin/chat").status()).isEqualTo(200);
        String name = unique("官网 <b>");
        WebVisitor.Page created = web.post("/admin/chat", Map.of("name", name, "allowedOrigins", "https://www.example.com",
                "greeting", "您好", "offlineForm", "true"));
        assertThat(created.redirectsTo("/admin/chat")).isTrue();
        WebVisitor.Page page = web.get("/admin/chat");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name.replace("<", "&lt;").replace(">", "&gt;")).doesNotContain(name)
                .contains("/chat/widget.js").contains("data-channel=")
                .contains("https://www.example.com");
        WebVisitor.Page bad = web.post("/admin/chat", Map.of("name", "x", "allowedOrigins", "not an origin"));
        assertThat(bad.redirectsTo("/admin/chat")).isTrue();
        assertThat(web.get("/admin/chat").body()).contains("allowedOrigins");
    }

    @Test
    void anAgentMayNotAdministerChannelsButHasAConsole() {
        WebVisitor web = signedInAgent("AGENT", createDepartment("聊天"));
        assertThat(web.get("/admin/chat").status()).isEqualTo(403);
        WebVisitor.Page console = web.get("/chat/console");
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains("chat-queue").contains("/js/chat-console.js");
        assertThat(web.get("/chat/console/queue").status()).isEqualTo(200);
        assertThat(admin.as(null).get("/api/v1/channels/chat/channels").status()).isEqualTo(401);
    }
}
