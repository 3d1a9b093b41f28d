package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;

/** /actuator/prometheus: the domain counters and request timers, without a timer per security filter or query. */
class MetricsIT extends IntegrationTest {

    @Test
    void prometheusCountsTicketsAndMessagesAndTimesRequests() {
        WebVisitor scraper = new WebVisitor(port);
        double before = counter(scraper.get("/actuator/prometheus").body(), "kefu_tickets_opened_total", "WEB");

        openTicket(admin, ticket("指标", "我的快递丢了", "channel", "WEB"));

        WebVisitor.Page scrape = scraper.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        String text = scrape.body();
        assertThat(counter(text, "kefu_tickets_opened_total", "WEB")).isEqualTo(before + 1);
        assertThat(counter(text, "kefu_messages_received_total", "WEB")).isGreaterThanOrEqualTo(1);
        assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/tickets\"");
        assertThat(text).as("security observations are off").doesNotContain("spring_security_");
        assertThat(text).as("repository calls are not timed").doesNotContain("spring_data_repository_invocations");
    }

    private static double counter(String text, String name, String channel) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*channel=\"" + channel + "\"[^}]*} ([0-9.eE+]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
