package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.kefu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Requests are served by platform threads, which the operating system time-slices, although the desk runs with
 * {@code spring.threads.virtual.enabled} (see RequestThreads for why); the API still answers.
 */
class RequestThreadsIT extends IntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theThreadsThatServeRequestsArePlatformThreads() throws Exception {
        Executor requests = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler().getExecutor();
        CompletableFuture<Thread> thread = new CompletableFuture<>();

        requests.execute(() -> thread.complete(Thread.currentThread()));

        Thread served = thread.get(10, TimeUnit.SECONDS);
        assertThat(served.isVirtual()).isFalse();
        assertThat(served.getName()).contains("exec");
        assertThat(admin.get("/api/v1/tickets?limit=1").status()).isEqualTo(200);
    }
}
