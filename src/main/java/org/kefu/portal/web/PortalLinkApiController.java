package org.kefu.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Locale;
import org.kefu.platform.Actor;
import org.kefu.platform.web.PublicUrl;
import org.kefu.portal.PortalSignIn;
import org.kefu.platform.web.SupportedLocales;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class PortalLinkApiController {

    private final PortalSignIn signIn;

    private final PublicUrl publicUrl;

    PortalLinkApiController(PortalSignIn signIn, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.signIn = signIn;
    }

    record PortalLinkSent(long customerId, String sentTo, Instant expiresAt) {
    }

    /** Customers are not department-scoped, so every agent who may read a customer may send this, as for GET /customers/{id}. */
    @PostMapping("/api/v1/customers/{id}/portal-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail the customer a single-use sign-in link to the customer portal (valid 15 minutes)",
            description = "The link goes to the customer's first email address, in the language given by 'lang' "
                    + "(zh-CN default, zh-TW, en). Any agent may send it.")
    @ApiResponse(responseCode = "202", description = "The link was handed to the mail server (or the outbox)")
    @ApiResponse(responseCode = "404", description = "No such customer")
    @ApiResponse(responseCode = "422", description = "The customer has no email address, or too many links lately")
    PortalLinkSent send(@PathVariable long id, @RequestParam(required = false) String lang, Actor actor) {
        Locale locale = lang == null ? SupportedLocales.SIMPLIFIED
                : java.util.Objects.requireNonNullElse(SupportedLocales.match(Locale.forLanguageTag(lang)), SupportedLocales.SIMPLIFIED);
        PortalSignIn.SentLink sent = signIn.sendLink(id, publicUrl.get(), locale);
        return new PortalLinkSent(id, sent.email(), sent.expiresAt());
    }
}
