package dev.ebayalerts.pubsub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The envelope both kinds of token share, read strictly: refused, never thrown. */
class TokenFormatTests {

  static final String KIND = "ebay-alerts:session:v3";
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void readsTheSubjectOfAnUnexpiredPayloadOfItsKind() {
    byte[] payload = TokenFormat.payload(KIND, NOW.plusSeconds(1), "n", "jane@example.com");

    assertThat(TokenFormat.subject(payload, KIND, true, NOW)).contains("jane@example.com");
    assertThat(TokenFormat.subject(payload, KIND, true, NOW.plusSeconds(1))).isEmpty();
    assertThat(TokenFormat.subject(payload, "ebay-alerts:confirm:v3", true, NOW)).isEmpty();
  }

  @Test
  void aSubjectMayHoldTheSeparator() {
    byte[] payload = TokenFormat.payload(KIND, NOW.plusSeconds(60), "n", "a|b@example.com");

    assertThat(TokenFormat.subject(payload, KIND, true, NOW)).contains("a|b@example.com");
  }

  @Test
  void anEmptySubjectIsNeitherIssuedNorRead() {
    assertThatThrownBy(() -> TokenFormat.payload(KIND, NOW, "n", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenFormat.payload(KIND, NOW, "n", null))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(TokenFormat.subject(bytes(KIND + "|1893456000|n|"), KIND, true, NOW)).isEmpty();
  }

  @Test
  void anExpiryThatIsNoNumberOrNoInstantIsRefused() {
    // beyond Instant.MAX (DateTimeException), beyond a long (NumberFormatException), not a number
    assertThat(TokenFormat.subject(bytes(KIND + "|99999999999999999|n|j@x.io"), KIND, true, NOW))
        .isEmpty();
    assertThat(TokenFormat.subject(bytes(KIND + "|99999999999999999999|n|j@x.io"), KIND, true, NOW))
        .isEmpty();
    assertThat(TokenFormat.subject(bytes(KIND + "|soon|n|j@x.io"), KIND, true, NOW)).isEmpty();
    assertThat(TokenFormat.subject(bytes(KIND + "||n|j@x.io"), KIND, true, NOW)).isEmpty();
  }

  @Test
  void payloadsWithTooFewFieldsAreRefused() {
    assertThat(TokenFormat.subject(bytes(KIND + "|1893456000|j@x.io"), KIND, true, NOW)).isEmpty();
    assertThat(TokenFormat.subject(bytes(KIND), KIND, true, NOW)).isEmpty();
    assertThat(TokenFormat.subject(new byte[0], KIND, true, NOW)).isEmpty();
  }

  @Test
  void splitsOnlyWellFormedTokensOfSaneLength() {
    assertThat(TokenFormat.split("YQ.Yg"))
        .hasValueSatisfying(s -> assertThat(s.payload()).isEqualTo(bytes("a")));
    assertThat(TokenFormat.split(null)).isEmpty();
    assertThat(TokenFormat.split("")).isEmpty();
    assertThat(TokenFormat.split("no-dot")).isEmpty();
    assertThat(TokenFormat.split(".Yg")).isEmpty();
    assertThat(TokenFormat.split("%%%.***")).isEmpty();
    assertThat(TokenFormat.split("YQ.Yg.Yw")).isEmpty();
    assertThat(TokenFormat.split("Y".repeat(TokenFormat.MAX_LENGTH) + ".Yg")).isEmpty();
    assertThat(TokenFormat.split("Y".repeat(5_000_000) + "." + "Y".repeat(5_000_000))).isEmpty();
  }

  @Test
  void everyNonceIsNew() {
    assertThat(TokenFormat.nonce()).hasSize(16).isNotEqualTo(TokenFormat.nonce());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
