package dev.ebayalerts.alerts.account;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Emails this service sends (confirmations, sign-in links, alert emails).
 *
 * @param from the sender, e.g. {@code ebay-alerts <alerts@example.com>}; its domain also names the
 *     alert emails' Message-IDs
 */
@Validated
@ConfigurationProperties("alerts.mail")
public record MailSettings(@DefaultValue("ebay-alerts <alerts@localhost>") @NotBlank String from) {}
