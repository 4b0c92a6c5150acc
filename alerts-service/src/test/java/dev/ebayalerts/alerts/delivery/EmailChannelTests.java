package dev.ebayalerts.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class EmailChannelTests {

  static final Duration FIRST = Duration.ofSeconds(30);
  static final Duration MAX = Duration.ofHours(1);

  @Test
  void backoffDoublesWithJitterUpToTheMaximum() {
    for (int i = 0; i < 50; i++) {
      assertThat(DeliverySender.backoff(FIRST, MAX, 1)).isBetween(seconds(15), seconds(30));
      assertThat(DeliverySender.backoff(FIRST, MAX, 2)).isBetween(seconds(30), seconds(60));
      assertThat(DeliverySender.backoff(FIRST, MAX, 4)).isBetween(seconds(120), seconds(240));
      assertThat(DeliverySender.backoff(FIRST, MAX, 8)).isBetween(seconds(1800), seconds(3600));
      assertThat(DeliverySender.backoff(FIRST, MAX, 1000)).isBetween(seconds(1800), seconds(3600));
    }
  }

  @Test
  void explainsFailuresToTheAlertsOwnerWithoutInternals() throws Exception {
    MailSendException unreachable =
        new MailSendException(
            "Mail server connection failed",
            new MessagingException("Couldn't connect to host", new ConnectException("refused")));
    Map<Object, Exception> refused = new LinkedHashMap<>();
    refused.put(
        "message",
        new SendFailedException(
            "Invalid Addresses",
            null,
            new InternetAddress[0],
            new InternetAddress[0],
            new InternetAddress[] {new InternetAddress("nobody@example.com")}));

    assertThat(EmailChannel.reason(unreachable)).isEqualTo("the mail server could not be reached");
    assertThat(EmailChannel.reason(new MailSendException(refused)))
        .isEqualTo("the address was refused");
    assertThat(EmailChannel.reason(new MailAuthenticationException("535 bad credentials")))
        .isEqualTo("the mail server refused to let this service sign in");
    assertThat(EmailChannel.reason(new MailSendException("554 rejected as spam")))
        .isEqualTo("the mail server did not accept the email");
    assertThat(EmailChannel.reason(unreadablePayload()))
        .isEqualTo("the email could not be prepared");
  }

  private static Exception unreadablePayload() {
    return new IllegalArgumentException("Unexpected token: expected an array for 'listings'");
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
