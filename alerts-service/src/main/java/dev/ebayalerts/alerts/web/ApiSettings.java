package dev.ebayalerts.alerts.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the HTTP API.
 *
 * @param maxBodySize the largest request body accepted; an alert needs well under 4 KB
 */
@Validated
@ConfigurationProperties("alerts.api")
record ApiSettings(@DefaultValue("16KB") DataSize maxBodySize) {}
