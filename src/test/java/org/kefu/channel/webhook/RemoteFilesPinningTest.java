package org.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attachment fetcher resolves each host once and connects to exactly the checked addresses, with
 * the original name in the Host header: a resolver that answers with a public address first and an
 * internal one afterwards (DNS rebinding) cannot make it read the internal server.
 */
class RemoteFilesPinningTest {

    private HttpServer server;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "http://inside.kefu.test:" + port() + "/secret.txt");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = "内部机密".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    /** Answers from a script, one answer per call (the last one repeats), and counts the calls per host. */
    private static final class ScriptedResolver implements HostResolver {

        private final List<String> answers;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedResolver(String... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            int n = calls.getAndIncrement();
            String ip = answers.get(Math.min(n, answers.size() - 1));
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress())};
        }
    }

    private static InboundMessage.RemoteFile file(String url) {
        return new InboundMessage.RemoteFile(URI.create(url), null, null);
    }

    private static String content(RemoteFiles.Result result) throws IOException {
        assertThat(result).isInstanceOf(RemoteFiles.Fetched.class);
        try (InputStream in = ((RemoteFiles.Fetched) result).file().content().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aNameIsFetchedFromTheAddressItResolvedToWithItsOwnHostHeader() throws IOException {
        ScriptedResolver resolver = new ScriptedResolver("127.0.0.1");
        RemoteFiles files = new RemoteFiles(resolver, 1024 * 1024, Duration.ofSeconds(5), true);

        RemoteFiles.Result result = files.fetch(file("http://files.kefu.test:" + port() + "/photo.txt"));

        assertThat(content(result)).isEqualTo("内部机密");
        assertThat(((RemoteFiles.Fetched) result).file().fileName()).isEqualTo("photo.txt");
        assertThat(hostHeaders).containsExactly("files.kefu.test:" + port());
        assertThat(resolver.calls).hasValue(1);
    }

    @Test
    void aSecondDnsAnswerPointingInsideIsNeverUsed() {
        // first answer: a public (documentation) address that passes the check; every later answer: loopback
        ScriptedResolver rebinding = new ScriptedResolver("203.0.113.7", "127.0.0.1");
        RemoteFiles files = new RemoteFiles(rebinding, 1024 * 1024, Duration.ofSeconds(1), false);

        RemoteFiles.Result result = files.fetch(file("http://rebind.kefu.test:" + port() + "/secret.txt"));

        assertThat(result).isInstanceOf(RemoteFiles.Failed.class);
        assertThat(hits).as("the internal server was never reached").hasValue(0);
        assertThat(rebinding.calls).as("resolved once, connected to what was checked").hasValue(1);
    }

    @Test
    void anInternalAnswerIsRefusedBeforeAnyConnection() {
        ScriptedResolver inside = new ScriptedResolver("10.1.2.3");
        RemoteFiles files = new RemoteFiles(inside, 1024 * 1024, Duration.ofSeconds(1), false);

        RemoteFiles.Result result = files.fetch(file("http://intranet.kefu.test/x.pdf"));

        assertThat(result).isInstanceOfSatisfying(RemoteFiles.Failed.class,
                f -> assertThat(f.reason()).contains("internal address"));
        assertThat(hits).hasValue(0);
    }

    @Test
    void eachRedirectIsResolvedAndCheckedAgain() {
        // the first host is allowed only because the test permits loopback for it; the redirect target
        // resolves inside, and with private addresses refused the second hop is stopped
        HostResolver resolver = host -> new InetAddress[] {InetAddress.getByAddress(host,
                host.equals("outside.kefu.test") ? new byte[] {(byte) 203, 0, 113, 9} : new byte[] {127, 0, 0, 1})};
        RemoteFiles strict = new RemoteFiles(resolver, 1024 * 1024, Duration.ofSeconds(1), false);
        RemoteFiles.Result direct = strict.fetch(file("http://inside.kefu.test:" + port() + "/secret.txt"));
        assertThat(direct).isInstanceOfSatisfying(RemoteFiles.Failed.class,
                f -> assertThat(f.reason()).contains("internal address"));

        RemoteFiles lenient = new RemoteFiles(host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})},
                1024 * 1024, Duration.ofSeconds(5), true);
        RemoteFiles.Result followed = lenient.fetch(file("http://outside.kefu.test:" + port() + "/moved"));
        assertThat(followed).isInstanceOf(RemoteFiles.Fetched.class);
        assertThat(hostHeaders).containsExactly("outside.kefu.test:" + port(), "inside.kefu.test:" + port());
        assertThat(hits).hasValue(2);
    }
}
