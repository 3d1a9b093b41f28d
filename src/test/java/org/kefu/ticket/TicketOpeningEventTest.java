package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerTier;
import org.kefu.platform.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What is set while a ticket is opened goes into its CREATED event; what comes later stays an event of its own. */
class TicketOpeningEventTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Author AGENT = new Author(Author.Type.AGENT, 7L, "李娜");
    private static final Author SYSTEM = Author.SYSTEM;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Ticket opened(Author by) {
        Customer customer = new Customer("王芳", new CustomerTier("REGULAR", "普通", 10, NOW), NOW);
        return new Ticket(TicketNumber.of(2026, 1), "快递丢失包裹", Channel.EMAIL, customer, Priority.P3, 1L, "包裹丢了", by, NOW);
    }

    private static List<TimelineEntry> events(Ticket ticket) {
        return ticket.entries().stream().filter(e -> e.getKind() == TimelineEntry.Kind.EVENT).toList();
    }

    @Test
    void anAgentsOpeningIsOneEventWithWhatWasSetInOrder() {
        Ticket ticket = opened(AGENT);
        ticket.assign(2L, 5L, null, AGENT, NOW);
        ticket.classify("SERVICE_ERROR", AGENT, NOW);
        ticket.replaceTags(List.of("加急", "退款"), AGENT, NOW);

        assertThat(events(ticket)).singleElement().satisfies(created -> {
            assertThat(created.getEventType()).isEqualTo(TicketEventType.CREATED);
            JsonNode data = JSON.readTree(created.getEventData());
            assertThat(data.get("channel").asString()).isEqualTo("EMAIL");
            List<String> types = new ArrayList<>();
            data.get("initial").forEach(i -> types.add(i.get("type").asString()));
            assertThat(types).containsExactly("ASSIGNED", "ASSIGNED", "FIELD_CHANGED", "TAGS_CHANGED");
            assertThat(data.get("initial").get(3).get("data").get("added").toString()).contains("加急", "退款");
        });
    }

    @Test
    void laterChangesAndOtherAuthorsKeepTheirOwnEvents() {
        Ticket ticket = opened(AGENT);
        ticket.assign(1L, 9L, null, SYSTEM, NOW); // routing at opening: the system's decision, not the opener's
        ticket.replaceTags(List.of("回访"), AGENT, NOW.plus(Duration.ofMinutes(1)));
        ticket.changeStatus(TicketStatus.OPEN, AGENT, NOW);

        assertThat(events(ticket)).extracting(TimelineEntry::getEventType)
                .containsExactly("CREATED", "ASSIGNED", "TAGS_CHANGED", "STATUS_CHANGED");
        assertThat(events(ticket).get(0).getEventData()).doesNotContain("initial");
    }

    @Test
    void aCustomersOpeningHasNoCreatedEventSoItsFieldsAreEventsAsBefore() {
        Author customer = Author.customer(null, "王芳");
        Ticket ticket = opened(customer);
        ticket.replaceTags(List.of("门户"), customer, NOW);

        assertThat(events(ticket)).extracting(TimelineEntry::getEventType).containsExactly("TAGS_CHANGED");
    }

    @Test
    void whatDoesNotFitTheColumnBecomesEventsOfItsOwnAndNothingIsLost() {
        Random random = new Random(2026L);
        for (int run = 0; run < 300; run++) {
            Ticket ticket = opened(AGENT);
            Map<String, Object> fields = new LinkedHashMap<>();
            int count = 1 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                fields.put("f" + i, "值".repeat(random.nextInt(random.nextBoolean() ? 40 : 1500)) + i);
            }
            ticket.setCustomFields(fields, AGENT, NOW);
            List<String> tags = random.nextBoolean() ? List.of("t" + run) : List.of();
            ticket.replaceTags(tags, AGENT, NOW);

            String all = String.join("\n", events(ticket).stream().map(TimelineEntry::getEventData).toList());
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                assertThat(all).as("run %d", run).contains("customFields." + field.getKey(), (String) field.getValue());
            }
            tags.forEach(tag -> assertThat(all).contains(tag));
            assertThat(events(ticket)).allSatisfy(e ->
                    assertThat(e.getEventData().length()).isLessThanOrEqualTo(TimelineEntry.EVENT_DATA_LENGTH));
            assertThat(events(ticket).get(0).getEventType()).isEqualTo(TicketEventType.CREATED);
        }
    }
}
