package org.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kefu.support.IntegrationTest;
import org.kefu.support.WebVisitor;
import org.springframework.beans.factory.annotation.Value;

/** The public help search answers one IP address so many times a minute, then 429 with Retry-After. */
class HelpSearchRateLimitIT extends IntegrationTest {

    @Value("${kefu.knowledge.help.searches-per-minute:60}")
    int limit;

    @Test
    void anAddressOverTheSearchLimitIsRefusedWithRetryAfterWhileOthersStillSearch() {
        WebVisitor busy = new WebVisitor(port, WebVisitor.freshLoopback());
        int served = 0;
        WebVisitor.Page refused = null;
        // the bucket refills evenly over the minute, so a slow run may get a few more than the limit
        for (int i = 0; i < limit * 2 && refused == null; i++) {
            WebVisitor.Page page = busy.get(i % 2 == 0 ? "/help/search.json?q=%E5%8F%91%E7%A5%A8" : "/help/suggest?q=invoice");
            if (page.status() == 429) {
                refused = page;
            } else {
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                served++;
            }
        }

        assertThat(served).isGreaterThanOrEqualTo(limit);
        assertThat(refused).as("refused within twice the limit").isNotNull();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.body()).contains("help searches").contains("\"status\":429");
        assertThat(busy.get("/help/suggest?q=invoice").status()).isEqualTo(429);

        assertThat(new WebVisitor(port, WebVisitor.freshLoopback()).get("/help/search.json?q=invoice").status())
                .isEqualTo(200);
    }
}
