package org.leadline.server.party;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client writes about a stakeholder. A missing attitude is UNKNOWN. */
public record StakeholderData(
        @NotBlank(message = "is required") @Size(max = 200) String name,
        @NotNull(message = "is required") BuyingRole role,
        @Size(max = 128) String jobTitle,
        @Size(max = 254) @Email(message = "must be a valid e-mail address") String email,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}",
                message = "must be a phone number of digits, spaces and + ( ) / . -") String phone,
        Attitude attitude) {
}
