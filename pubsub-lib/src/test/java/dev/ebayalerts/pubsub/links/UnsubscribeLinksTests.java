package dev.ebayalerts.pubsub.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The unsubscribe link both services make and alerts-service reads, checked once against a fixed
 * vector: links in emails already sent must keep working.
 */
class UnsubscribeLinksTests {

  public static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

  final UnsubscribeLinks links =
      new UnsubscribeLinks(new LinkSettings("https://alerts.example.com/", SECRET));

  @Test
  void tokenNamesTheAlertItWasMadeFor() {
    UUID alertId = UUID.randomUUID();

    String token = links.tokenFor(alertId);

    assertThat(token).matches("[A-Za-z0-9_-]{64}");
    assertThat(links.alertIdOf(token)).contains(alertId);
    assertThat(links.urlFor(alertId)).isEqualTo("https://alerts.example.com/unsubscribe/" + token);
  }

  /**
   * The token format is a contract: alerts-service and analytics-service make these tokens for the
   * unsubscribe links in their emails, and links in emails already sent must keep working.
   */
  @Test
  void tokenMatchesTheVectorOfEmailsAlreadySent() {
    UUID alertId = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    assertThat(links.tokenFor(alertId))
        .isEqualTo("PyUE4E-JQdOaDAMF6CwzAcjcBt1JYRMYplD-i-SkwPHUp4Q91BxOWkreJMlXcAoY");
    assertThat(links.alertIdOf("PyUE4E-JQdOaDAMF6CwzAcjcBt1JYRMYplD-i-SkwPHUp4Q91BxOWkreJMlXcAoY"))
        .contains(alertId);
  }

  @Test
  void refusesTokensItDidNotSign() {
    UUID alertId = UUID.randomUUID();
    String token = links.tokenFor(alertId);
    UnsubscribeLinks otherSecret =
        new UnsubscribeLinks(new LinkSettings("https://alerts.example.com", SECRET + "x"));
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(otherSecret.alertIdOf(token)).isEmpty();
    assertThat(links.alertIdOf(tampered)).isEmpty();
    assertThat(links.alertIdOf(alertId.toString())).isEmpty();
    assertThat(links.alertIdOf("not base64 !")).isEmpty();
    assertThat(links.alertIdOf("")).isEmpty();
    assertThat(links.alertIdOf(null)).isEmpty();
    assertThat(links.alertIdOf(token + "A")).isEmpty();
    assertThat(links.alertIdOf("A".repeat(100_000))).isEmpty();
  }

  @Test
  void aTrailingSlashOfTheBaseUrlIsDropped() {
    UUID alertId = UUID.randomUUID();

    assertThat(new LinkSettings("https://alerts.example.com/", SECRET).baseUrl())
        .isEqualTo("https://alerts.example.com");
    assertThat(links.urlFor(alertId)).doesNotContain(".com//");
  }

  @Test
  void anotherAlertsIdCannotBorrowAToken() {
    UUID mine = UUID.randomUUID();
    UUID theirs = UUID.randomUUID();
    String token = links.tokenFor(mine);
    String theirsWithMyMac =
        links.tokenFor(theirs).substring(0, 21) + token.substring(21); // id bytes swapped

    assertThat(links.alertIdOf(theirsWithMyMac)).isEmpty();
  }
}
