package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerTier;
import org.kefu.platform.Channel;
import org.kefu.platform.ConflictException;

/** Thousands of seeded random action sequences against the ticket lifecycle. */
class TicketLifecycleTest {

    private static final Instant START = Instant.parse("2026-02-14T02:00:00Z");
    private static final Author AGENT = new Author(Author.Type.AGENT, 7L, "李娜");

    static Ticket newTicket() {
        Customer customer = new Customer("王芳", new CustomerTier("REGULAR", "普通", 10, START), START);
        return new Ticket(TicketNumber.of(2026, 1), "快递丢失包裹", Channel.EMAIL, customer, Priority.P3, 1L,
                "包裹丢了", Author.customer(null, "王芳"), START);
    }

    static List<Long> seeds() {
        return java.util.stream.LongStream.range(0, 40).boxed().toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomSequencesFollowTheTransitionTable(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        for (int run = 0; run < 100; run++) {
            Ticket ticket = newTicket();
            Instant now = START;
            int events = countEvents(ticket);
            for (int step = 0; step < 30; step++) {
                now = now.plus(Duration.ofMinutes(1 + random.nextInt(120)));
                TicketStatus before = ticket.getStatus();
                int action = random.nextInt(10);
                if (action < 6) {
                    TicketStatus target = TicketStatus.values()[random.nextInt(TicketStatus.values().length)];
                    boolean allowed = before == target || before.canMoveTo(target);
                    try {
                        ticket.changeStatus(target, AGENT, now);
                        assertThat(allowed).as("%s -> %s was accepted", before, target).isTrue();
                        assertThat(ticket.getStatus()).isEqualTo(target);
                    } catch (IllegalTransitionException refused) {
                        assertThat(allowed).as("%s -> %s was refused", before, target).isFalse();
                        assertThat(ticket.getStatus()).isEqualTo(before);
                        assertThat(refused.properties().get("allowedTransitions"))
                                .isEqualTo(before.allowedNext().stream().map(Enum::name).sorted().toList());
                    }
                } else if (action < 8) {
                    try {
                        ticket.receiveCustomerMessage("又来问一次", Channel.EMAIL, now);
                        assertThat(before).isNotEqualTo(TicketStatus.CLOSED);
                        TicketStatus expected = before.isPending() ? TicketStatus.OPEN
                                : before == TicketStatus.RESOLVED ? TicketStatus.REOPENED : before;
                        assertThat(ticket.getStatus()).isEqualTo(expected);
                    } catch (ConflictException closed) {
                        assertThat(before).isEqualTo(TicketStatus.CLOSED);
                    }
                } else {
                    try {
                        ticket.reply("我们在处理", AGENT, now);
                        assertThat(before).isNotEqualTo(TicketStatus.CLOSED);
                        assertThat(ticket.getFirstResponseAt()).isNotNull();
                        if (before == TicketStatus.NEW || before == TicketStatus.REOPENED) {
                            assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
                        }
                    } catch (ConflictException closed) {
                        assertThat(before).isEqualTo(TicketStatus.CLOSED);
                    }
                }
                int eventsNow = countEvents(ticket);
                assertThat(eventsNow - events).as("one status event per real change")
                        .isEqualTo(before == ticket.getStatus() ? 0 : 1);
                events = eventsNow;
                assertThat(ticket.getResolvedAt() != null)
                        .isEqualTo(ticket.getStatus() == TicketStatus.RESOLVED || ticket.getStatus() == TicketStatus.CLOSED);
                assertThat(ticket.getClosedAt() != null).isEqualTo(ticket.getStatus() == TicketStatus.CLOSED);
                assertThat(ticket.getUpdatedAt()).isBeforeOrEqualTo(now);
            }
        }
    }

    @Test
    void everyStatusIsReachableFromNewAndClosedIsFinal() {
        Set<TicketStatus> reached = EnumSet.of(TicketStatus.NEW);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TicketStatus s : Set.copyOf(reached)) {
                grew |= reached.addAll(s.allowedNext());
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(TicketStatus.values());
        assertThat(TicketStatus.CLOSED.allowedNext()).isEmpty();
        for (TicketStatus s : TicketStatus.values()) {
            assertThat(s.allowedNext()).doesNotContain(s, TicketStatus.NEW);
        }
    }

    @Test
    void theTimelineOnlyGrows() {
        Ticket ticket = newTicket();
        List<TimelineEntry> before = List.copyOf(ticket.entries());
        ticket.reply("您好", AGENT, START.plusSeconds(60));
        ticket.note("内部备注", AGENT, START.plusSeconds(61));
        ticket.changePriority(Priority.P1, AGENT, START.plusSeconds(62));
        assertThat(ticket.entries()).startsWith(before.toArray(TimelineEntry[]::new));
        assertThat(ticket.entries().getFirst().getBody()).isEqualTo("包裹丢了");
        assertThat(ticket.entries()).hasSize(before.size() + 4);
    }

    @Test
    void aMergedTicketIsClosedAndTakesNoMoreWork() {
        Ticket survivor = newTicket();
        Ticket duplicate = newTicket();
        duplicate.mergeInto(survivor, AGENT, START.plusSeconds(5));
        assertThat(duplicate.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThatCode(() -> duplicate.note("x", AGENT, START.plusSeconds(6))).doesNotThrowAnyException();
        assertThatThrownBy(() -> duplicate.reply("x", AGENT, START.plusSeconds(6))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> survivor.mergeInto(survivor, AGENT, START)).isInstanceOf(ConflictException.class);
    }

    private static int countEvents(Ticket ticket) {
        return (int) ticket.entries().stream()
                .filter(e -> TicketEventType.STATUS_CHANGED.equals(e.getEventType())).count();
    }
}
