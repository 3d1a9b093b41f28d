package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.platform.ConflictException;
import org.kefu.platform.NotFoundException;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A customer acting on their own tickets without an agent: the ticket module's rules for the portal. */
class CustomerSelfServiceIT extends IntegrationTest {

    @Autowired
    CustomerSelfService selfService;

    private JsonNode ticketOf(String email) {
        return openTicket(admin, Map.of("subject", "自助", "description", "客户原话", "channel", "EMAIL",
                "customer", Map.of("email", email)));
    }

    @Test
    void theConversationHoldsCustomerMessagesAndRepliesButNoNotesOrEvents() {
        JsonNode ticket = ticketOf(unique("self") + "@example.com");
        long id = ticket.get("id").asLong();
        long customer = ticket.get("customer").get("id").asLong();
        admin.post("/api/v1/tickets/" + id + "/notes", Map.of("body", "内部备注"));
        admin.post("/api/v1/tickets/" + id + "/messages", Map.of("body", "公开答复"));
        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "PENDING_CUSTOMER"));

        List<TimelineEntry> conversation = selfService.conversation(id, customer);
        assertThat(conversation).extracting(TimelineEntry::getBody).containsExactly("客户原话", "公开答复");
    }

    @Test
    void aCustomerReplyBringsAResolvedTicketBackAndIsRecordedAsComingFromTheWeb() {
        JsonNode ticket = ticketOf(unique("self") + "@example.com");
        long id = ticket.get("id").asLong();
        long customer = ticket.get("customer").get("id").asLong();
        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED"));

        TimelineEntry entry = selfService.reply(id, customer, "还是不行");
        assertThat(entry.getChannel()).isEqualTo(org.kefu.platform.Channel.WEB);
        assertThat(entry.getAuthor().type()).isEqualTo(Author.Type.CUSTOMER);
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("status").asString()).isEqualTo("REOPENED");
    }

    @Test
    void aRequiredCustomFieldBindsAgentsButNeverStopsACustomerFromWritingIn() {
        String key = "caseRef" + unique("k").substring(2, 6);
        long field = admin.post("/api/v1/custom-fields", Map.of("key", key, "label", "内部案件号", "type", "TEXT",
                "required", true)).body().get("id").asLong();
        try {
            assertThat(admin.post("/api/v1/tickets", Map.of("subject", "坐席开单", "description", "x", "channel", "PHONE",
                    "customer", Map.of("email", unique("req") + "@example.com"))).status()).isEqualTo(400);

            JsonNode existing = ticketOf(unique("req") + "@example.com", Map.of(key, "C-1"));
            long customer = existing.get("customer").get("id").asLong();
            NewTicket fromPortal = new NewTicket("门户提交", "我的订单有问题", null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
            Ticket opened = selfService.open(customer, "测试客户", fromPortal);
            assertThat(opened.getCustomFields()).doesNotContainKey(key);
        } finally {
            admin.patch("/api/v1/custom-fields/" + field, Map.of("active", false));
        }
    }

    private JsonNode ticketOf(String email, Map<String, Object> customFields) {
        return openTicket(admin, Map.of("subject", "自助", "description", "客户原话", "channel", "EMAIL",
                "customer", Map.of("email", email), "customFields", customFields));
    }

    @Test
    void onlyAResolvedTicketCanBeReopenedAndOnlyAClosedOneFollowedUp() {
        JsonNode ticket = ticketOf(unique("self") + "@example.com");
        long id = ticket.get("id").asLong();
        long customer = ticket.get("customer").get("id").asLong();
        assertThatThrownBy(() -> selfService.reopen(id, customer)).isInstanceOf(ConflictException.class);
        NewTicket followUp = new NewTicket("再次", "又坏了", null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertThatThrownBy(() -> selfService.followUp(id, customer, followUp)).isInstanceOf(ConflictException.class);

        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED"));
        assertThat(selfService.reopen(id, customer).getStatus()).isEqualTo(TicketStatus.REOPENED);
    }

    @Test
    void anotherCustomersTicketDoesNotExistForThem() {
        JsonNode mine = ticketOf(unique("self") + "@example.com");
        JsonNode theirs = ticketOf(unique("other") + "@example.com");
        long me = mine.get("customer").get("id").asLong();
        long theirId = theirs.get("id").asLong();
        assertThatThrownBy(() -> selfService.ticket(theirId, me)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selfService.conversation(theirId, me)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selfService.reply(theirId, me, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selfService.reopen(theirId, me)).isInstanceOf(NotFoundException.class);
        assertThat(selfService.tickets(me, null, 50).items()).extracting(Ticket::getId)
                .containsExactly(mine.get("id").asLong());
    }
}
