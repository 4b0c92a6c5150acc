package dev.ebayalerts.pubsub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class OutgoingMailTests {

  @Test
  void acceptsAnAddressWithADisplayName() {
    assertThat(OutgoingMail.sender("ebay-alerts <alerts@example.com>", "x.from").getAddress())
        .isEqualTo("alerts@example.com");
  }

  @Test
  void refusesASenderWithoutADomainNamingTheSetting() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OutgoingMail.sender("alerts", "alerts.mail.from"))
        .withMessageStartingWith("alerts.mail.from must be an email address")
        .withMessageContaining("domain");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OutgoingMail.sender("a b@example.com", "analytics.digest.from"))
        .withMessageStartingWith("analytics.digest.from must be an email address");
  }

  @Test
  void describesAFailureInOneLineWithItsRootCause() {
    String error =
        OutgoingMail.describe(
            new IllegalStateException(
                "Mail server connection failed\nmore lines",
                new MessagingException("Couldn't connect", new ConnectException("refused"))));

    assertThat(error)
        .isEqualTo(
            "IllegalStateException: Mail server connection failed (ConnectException: refused)");
    assertThat(OutgoingMail.describe(new IllegalStateException()))
        .isEqualTo("IllegalStateException: no details");
    assertThat(OutgoingMail.describe(new IllegalStateException("x".repeat(1000))))
        .hasSize(OutgoingMail.ERROR_LENGTH)
        .endsWith("…");
  }
}
