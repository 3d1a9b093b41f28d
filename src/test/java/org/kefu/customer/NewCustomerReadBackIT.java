package org.kefu.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.support.StatementLog;
import org.kefu.support.StatementLog.Executed;
import tools.jackson.databind.JsonNode;

/**
 * A ticket from an email nobody has written from yet makes a customer. The email is claimed by SQL past the entity
 * (safe against a concurrent request naming the same address), and only that claimed row is read back, by its id, into
 * the new customer's emails: the new ticket's search document holds them, so search finds the ticket by the address.
 * The customer itself, its phones and tags are not read again.
 */
class NewCustomerReadBackIT extends IntegrationTest {

    @Test
    void onlyTheClaimedEmailOfANewCustomerIsReadBack() {
        String email = unique("first-time") + "@example.com";

        Api.Response[] created = new Api.Response[1];
        List<Executed> statements = StatementLog.during(() -> created[0] = admin.post("/api/v1/tickets",
                ticket("第一次来信", "我的订单还没发货", "customer", Map.of("email", email, "name", "初次来信的客户"))))
                .stream().filter(Executed::onRequestThread).toList();

        assertThat(created[0].status()).isEqualTo(201);

        assertThat(selectsFrom(statements, "customer")).as("the new customer is not read again").isEmpty();
        assertThat(selectsFrom(statements, "customer_email")).as("the lookup by the address, the claimed row by its id")
                .hasSize(2);
        assertThat(selectsFrom(statements, "customer_email").get(1).sql().toLowerCase(java.util.Locale.ROOT))
                .contains(".id=");
        assertThat(selectsFrom(statements, "customer_phone")).as("a new customer's phones are in memory").isEmpty();
        assertThat(selectsFrom(statements, "customer_tag")).as("a new customer's tags are in memory").isEmpty();
        assertThat(statements.stream().filter(e -> e.sql().strip().toLowerCase(java.util.Locale.ROOT).startsWith("update")
                && e.mainTable().equals("customer")).toList()).as("the adopted email changes no customer row").isEmpty();
        JsonNode customer = created[0].body().get("customer");
        assertThat(customer.get("tier").asString()).isEqualTo("REGULAR");
        assertThat(admin.get("/api/v1/customers/" + customer.get("id").asLong()).body().toString()).contains(email);
        // other tests' customers share the words of the domain, so the whole address ranks this ticket first
        JsonNode found = admin.get("/api/v1/tickets?q=" + Api.q(email)).body().get("items");
        assertThat(found.get(0).get("number").asString()).isEqualTo(created[0].body().get("number").asString());
    }

    private static List<Executed> selectsFrom(List<Executed> statements, String table) {
        return statements.stream().filter(e -> e.isSelectFrom(table)).toList();
    }
}
