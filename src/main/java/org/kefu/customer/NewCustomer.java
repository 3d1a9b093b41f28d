package org.kefu.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.kefu.platform.Channel;

/** What is needed to create a customer. Only the name is required. */
public record NewCustomer(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 20) List<@NotBlank @Email @Size(max = 320) String> emails,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "^\\+?[0-9 ()\\-.]{3,39}$", message = "must be a phone number") String> phones,
        @Size(max = 20) List<@Valid IdentityRef> identities,
        @Size(max = 40) String tier,
        @Size(max = 200) String organisation,
        @Pattern(regexp = "^(zh-CN|zh-TW|en)$", message = "must be zh-CN, zh-TW or en") String preferredLanguage,
        @DecimalMin("0") BigDecimal lifetimeValue,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> tags,
        @Size(max = 10000) String notes) {

    public NewCustomer {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        identities = identities == null ? List.of() : List.copyOf(identities);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static NewCustomer named(String name, String email) {
        return new NewCustomer(name, email == null ? List.of() : List.of(email), List.of(), List.of(), null, null, null,
                null, List.of(), null);
    }

    /** An account of the customer on another channel. */
    public record IdentityRef(@NotNull Channel channel, @NotBlank @Size(max = 200) String externalId,
            @Size(max = 200) String displayName) {
    }
}
