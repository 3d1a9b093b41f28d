package org.kefu.platform.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * HTTP requests run on Tomcat's own pool of platform threads ({@code server.tomcat.threads.*}), while the desk's
 * background work (live-update and chat senders, IMAP IDLE, workers) stays on virtual threads.
 * <p>
 * Virtual threads share one carrier thread per core and are not time-sliced: a virtual thread computes until it
 * blocks. On a two-core node, two CPU-heavy requests (a search over common words, a report) held both carriers, and
 * every other request, SSE heartbeat and IMAP listener waited behind them. Platform threads are time-sliced by the
 * operating system, so a short request finishes while a long one runs. With the benchmark's searches at concurrency 8
 * on two cores, p95 went from 71–94 ms to 54–63 ms (docs/performance.md).
 * <p>
 * {@code spring.threads.virtual.enabled} gives Tomcat a virtual-thread executor (Boot's customizer, order 1); this one
 * runs later and hands the choice back to Tomcat, which then creates its internal pool.
 */
@Component
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(null));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
