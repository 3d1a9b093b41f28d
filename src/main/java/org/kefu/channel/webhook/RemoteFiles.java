package org.kefu.channel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.kefu.ticket.NewAttachment;
import org.kefu.ticket.TicketAttachments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches files that gateways offer by URL, strictly: only http and https, short timeouts, at
 * most the attachment size limit, at most 3 redirects (each checked again), and never from
 * loopback, private, link-local or other internal addresses (so a message cannot make the desk
 * read its own network) unless {@code kefu.channel.webhook.allow-private-addresses} is set (tests).
 * Each host name is resolved once per request, and the connection goes to exactly the addresses
 * that were checked (with the original name as Host header and TLS server name): a DNS answer that
 * changes between the check and the connection (DNS rebinding) cannot lead inside.
 */
@Component
class RemoteFiles {

    private static final int MAX_REDIRECTS = 3;

    private final HostResolver resolver;
    private final long maxBytes;
    private final Duration timeout;
    private final boolean allowPrivate;

    @Autowired
    RemoteFiles(TicketAttachments attachments,
            @Value("${kefu.channel.webhook.fetch-timeout:PT10S}") Duration timeout,
            @Value("${kefu.channel.webhook.allow-private-addresses:false}") boolean allowPrivate) {
        this(HostResolver.SYSTEM, attachments.maxBytes(), timeout, allowPrivate);
    }

    RemoteFiles(HostResolver resolver, long maxBytes, Duration timeout, boolean allowPrivate) {
        this.resolver = resolver;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
    }

    /** A fetched file, or why not. */
    sealed interface Result permits Fetched, Failed {
    }

    record Fetched(NewAttachment file) implements Result {
    }

    record Failed(String url, String reason) implements Result {
    }

    /** What one request of a fetch came to: a file or failure, or a redirect to follow. */
    private record Hop(Result result, URI redirect) {
    }

    Result fetch(InboundMessage.RemoteFile file) {
        URI uri = file.url();
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                InetAddress[] addresses;
                try {
                    addresses = resolver.resolve(uri.getHost());
                } catch (UnknownHostException e) {
                    return new Failed(file.url().toString(), "unknown host " + uri.getHost());
                }
                String refused = refusal(uri, addresses);
                if (refused != null) {
                    return new Failed(file.url().toString(), refused);
                }
                Hop result = request(file, uri, addresses);
                if (result.redirect() == null) {
                    return result.result();
                }
                uri = result.redirect();
            }
            return new Failed(file.url().toString(), "too many redirects");
        } catch (IOException e) {
            return new Failed(file.url().toString(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return new Failed(file.url().toString(), "invalid URL");
        }
    }

    /** One GET to exactly the checked addresses of {@code uri}'s host. */
    private Hop request(InboundMessage.RemoteFile file, URI uri, InetAddress[] addresses) throws IOException {
        String host = uri.getHost();
        DnsResolver pinned = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                if (!host.equalsIgnoreCase(name)) {
                    throw new UnknownHostException(name + " was not checked");
                }
                return addresses.clone();
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
        Timeout limit = Timeout.of(timeout);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(pinned)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                .build();
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement() // no proxy: it would resolve the name again
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build()).build()) {
            HttpGet get = new HttpGet(uri);
            get.setHeader("User-Agent", "Kefu-Webhook/1");
            return client.execute(get, response -> {
                int status = response.getCode();
                Header location = response.getFirstHeader("Location");
                if (status >= 300 && status < 400 && location != null) {
                    URI next = InboundMessage.httpUri(uri.resolve(location.getValue()).toString());
                    return next == null ? new Hop(new Failed(file.url().toString(), "redirect to a non-http URL"), null)
                            : new Hop(null, next);
                }
                if (status != 200) {
                    return new Hop(new Failed(file.url().toString(), "HTTP " + status), null);
                }
                HttpEntity entity = response.getEntity();
                if (entity == null) {
                    return new Hop(new Failed(file.url().toString(), "no content"), null);
                }
                if (entity.getContentLength() > maxBytes) {
                    return new Hop(new Failed(file.url().toString(), "larger than " + maxBytes + " bytes"), null);
                }
                byte[] bytes;
                try (InputStream in = entity.getContent()) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                }
                if (bytes.length > maxBytes) {
                    return new Hop(new Failed(file.url().toString(), "larger than " + maxBytes + " bytes"), null);
                }
                String type = file.contentType() != null ? file.contentType()
                        : entity.getContentType() != null ? entity.getContentType() : "application/octet-stream";
                return new Hop(new Fetched(NewAttachment.of(fileName(file, uri), type, bytes)), null);
            });
        }
    }

    private String refusal(URI uri, InetAddress[] addresses) {
        if (allowPrivate) {
            return null;
        }
        if (addresses.length == 0) {
            return "unknown host " + uri.getHost();
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return "refused: " + uri.getHost() + " is an internal address";
            }
        }
        return null;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 16) {
            return (raw[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        int first = raw[0] & 0xff;
        int second = raw[1] & 0xff;
        return first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT 100.64/10
                || first == 169 && second == 254 || first >= 224;
    }

    private static String fileName(InboundMessage.RemoteFile file, URI uri) {
        if (file.name() != null && !file.name().isBlank()) {
            return file.name().strip();
        }
        String path = uri.getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "attachment" : last;
    }
}
