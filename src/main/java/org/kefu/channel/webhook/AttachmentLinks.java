package org.kefu.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kefu.platform.security.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed public links to the files of agent replies, for gateways that cannot send an API token:
 * {@code /attachments/public/{id}?exp=<epoch seconds>&sig=<HMAC-SHA256>}. The signature covers the
 * attachment id and the expiry, with a key derived from {@code kefu.secrets.key}; a link stops
 * working after {@code kefu.channel.webhook.attachment-link-ttl} (7 days by default).
 */
@Component
public class AttachmentLinks {

    private static final String PURPOSE = "webhook-attachment-links";

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    AttachmentLinks(SecretBox secrets, @Value("${kefu.channel.webhook.attachment-link-ttl:P7D}") Duration ttl, Clock clock) {
        this.key = new SecretKeySpec(secrets.derive(PURPOSE), "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The path (without host) of a link to the attachment, valid for the configured time from now. */
    String path(long attachmentId) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return "/attachments/public/" + attachmentId + "?exp=" + expires + "&sig=" + signature(attachmentId, expires);
    }

    /** Whether the signature is the desk's for this attachment and expiry, and the expiry has not passed. */
    public boolean valid(long attachmentId, Long expires, String signature, Instant now) {
        if (expires == null || signature == null || signature.length() > 100 || now.getEpochSecond() >= expires) {
            return false;
        }
        return MessageDigest.isEqual(signature(attachmentId, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    String signature(long attachmentId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((attachmentId + "." + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
