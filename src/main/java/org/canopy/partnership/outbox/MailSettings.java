package org.canopy.partnership.outbox;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox's mail ({@code canopy.mail.*}; the server itself is {@code spring.mail.*}). The sender is checked at
 * start-up: a mistyped address would otherwise surface only as every reminder failing at the mail server.
 */
@Validated
@ConfigurationProperties("canopy.mail")
record MailSettings(@DefaultValue("canopy@localhost") @NotBlank @Email String from) {
}
