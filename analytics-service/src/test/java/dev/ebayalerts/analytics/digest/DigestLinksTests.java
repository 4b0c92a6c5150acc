package dev.ebayalerts.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DigestLinksTests {

  /** alerts-service's UnsubscribeLinksTests checks the very same vector. */
  static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

  static final UUID ALERT = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  static final String TOKEN = "PyUE4E-JQdOaDAMF6CwzAcjcBt1JYRMYplD-i-SkwPHUp4Q91BxOWkreJMlXcAoY";

  final UnsubscribeLinks links =
      new UnsubscribeLinks(new LinkSettings("https://alerts.example.com/", SECRET));

  @Test
  void tokenIsTheOneAlertsServiceAccepts() {
    assertThat(links.tokenFor(ALERT)).isEqualTo(TOKEN);
  }

  @Test
  void linkLeadsToTheUnsubscribePageOfAlertsService() {
    assertThat(links.urlFor(ALERT)).isEqualTo("https://alerts.example.com/unsubscribe/" + TOKEN);
  }

  @Test
  void anotherSecretOrAlertMakesAnotherToken() {
    UnsubscribeLinks otherSecret =
        new UnsubscribeLinks(new LinkSettings("https://alerts.example.com", SECRET + "x"));

    assertThat(otherSecret.tokenFor(ALERT)).isNotEqualTo(TOKEN);
    assertThat(links.tokenFor(UUID.randomUUID())).isNotEqualTo(TOKEN).matches("[A-Za-z0-9_-]{64}");
  }
}
