package org.kefu.channel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.kefu.ticket.NewAttachment;
import org.kefu.ticket.TicketAttachments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fetches files that gateways offer by URL, strictly: only http and https, short timeouts, at
 * most the attachment size limit, at most 3 redirects (each checked again), and never from
 * loopback, private, link-local or other internal addresses (so a message cannot make the desk
 * read its own network) unless {@code kefu.channel.webhook.allow-private-addresses} is set (tests).
 */
@Component
class RemoteFiles {

    private static final int MAX_REDIRECTS = 3;

    private final HttpClient client;
    private final long maxBytes;
    private final Duration timeout;
    private final boolean allowPrivate;

    RemoteFiles(TicketAttachments attachments,
            @Value("${kefu.channel.webhook.fetch-timeout:PT10S}") Duration timeout,
            @Value("${kefu.channel.webhook.allow-private-addresses:false}") boolean allowPrivate) {
        this.maxBytes = attachments.maxBytes();
        this.timeout = timeout;
        this.allowPrivate = allowPrivate;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A fetched file, or why not. */
    sealed interface Result permits Fetched, Failed {
    }

    record Fetched(NewAttachment file) implements Result {
    }

    record Failed(String url, String reason) implements Result {
    }

    Result fetch(InboundMessage.RemoteFile file) {
        URI uri = file.url();
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                String refused = refusal(uri);
                if (refused != null) {
                    return new Failed(file.url().toString(), refused);
                }
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                        .header("User-Agent", "Kefu-Webhook/1").build();
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                    response.body().close();
                    URI next = InboundMessage.httpUri(uri.resolve(response.headers().firstValue("Location").get()).toString());
                    if (next == null) {
                        return new Failed(file.url().toString(), "redirect to a non-http URL");
                    }
                    uri = next;
                    continue;
                }
                try (InputStream in = response.body()) {
                    if (status != 200) {
                        return new Failed(file.url().toString(), "HTTP " + status);
                    }
                    long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                    if (announced > maxBytes) {
                        return new Failed(file.url().toString(), "larger than " + maxBytes + " bytes");
                    }
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                    if (bytes.length > maxBytes) {
                        return new Failed(file.url().toString(), "larger than " + maxBytes + " bytes");
                    }
                    String type = file.contentType() != null ? file.contentType()
                            : response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                    return new Fetched(NewAttachment.of(fileName(file, uri), type, bytes));
                }
            }
            return new Failed(file.url().toString(), "too many redirects");
        } catch (IOException e) {
            return new Failed(file.url().toString(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(file.url().toString(), "interrupted");
        } catch (IllegalArgumentException e) {
            return new Failed(file.url().toString(), "invalid URL");
        }
    }

    private String refusal(URI uri) {
        if (allowPrivate) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return "refused: " + uri.getHost() + " is an internal address";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + uri.getHost();
        }
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
