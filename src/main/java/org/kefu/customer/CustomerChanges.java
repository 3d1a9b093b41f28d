package org.kefu.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A partial update: every field left null stays as it is; lists replace the whole list. */
public record CustomerChanges(
        @Size(min = 1, max = 200) String name,
        @Size(max = 20) List<@NotBlank @Email @Size(max = 320) String> emails,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = "^\\+?[0-9 ()\\-.]{3,39}$", message = "must be a phone number") String> phones,
        @Size(max = 20) List<NewCustomer.@Valid IdentityRef> identities,
        @Size(max = 40) String tier,
        @Size(max = 200) String organisation,
        @Pattern(regexp = "^(zh-CN|zh-TW|en)$", message = "must be zh-CN, zh-TW or en") String preferredLanguage,
        @DecimalMin("0") BigDecimal lifetimeValue,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> tags,
        @Size(max = 10000) String notes) {
}
