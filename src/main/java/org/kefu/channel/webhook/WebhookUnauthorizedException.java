package org.kefu.channel.webhook;

/** A message whose signature is missing, malformed, stale or wrong: answered 401, nothing stored. */
public class WebhookUnauthorizedException extends RuntimeException {

    private final WebhookSignature.Verdict verdict;

    WebhookUnauthorizedException(WebhookSignature.Verdict verdict) {
        super(switch (verdict) {
            case MISSING -> "Sign the request: header " + WebhookSignature.HEADER + ": t=<unix seconds>,v1=<hex HMAC-SHA256>.";
            case MALFORMED -> "The " + WebhookSignature.HEADER + " header must look like t=<unix seconds>,v1=<64 hex digits>.";
            case STALE -> "The signature's timestamp is more than 5 minutes away from the desk's clock.";
            default -> "The signature does not match the body and the channel's secret.";
        });
        this.verdict = verdict;
    }

    public WebhookSignature.Verdict verdict() {
        return verdict;
    }
}
