package dev.ebayalerts.analytics.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.support.Sessions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SessionTokenTests {

  /** alerts-service's SessionTokenVectorTests issues this very token with SignedTokens. */
  static final String SECRET = "a-session-secret-of-at-least-32-characters";

  static final String EMAIL = "jane@example.com";
  static final Instant EXPIRES = Instant.parse("2100-01-01T00:00:00Z");
  static final String TOKEN =
      "ZWJheS1hbGVydHM6c2Vzc2lvbjp2MXw0MTAyNDQ0ODAwfGphbmVAZXhhbXBsZS5jb20"
          + ".vzPC0f_EPRcJ6TsrkDZxsk6SIhlBiMeQeMFTqAasffA";

  final SessionTokens tokens = new SessionTokens(SECRET);

  @Test
  void acceptsTheSessionAlertsServiceIssues() {
    assertThat(tokens.verify(TOKEN, EXPIRES.minusSeconds(1))).contains(EMAIL);
  }

  /** Version 2, with a nonce: the same vector is in alerts-service's SessionTokenVectorTests. */
  static final String TOKEN_V2 =
      "ZWJheS1hbGVydHM6c2Vzc2lvbjp2Mnw0MTAyNDQ0ODAwfEFBQUFBQUFBQUFBQUFBQUF8amFuZUBleGFtcGxlLmNvbQ._e2ngiceL_qKPn051igowxTCR7luNRGKXMRAtCrSQAw";

  @Test
  void acceptsTheVersionTwoSessionAlertsServiceIssues() {
    assertThat(tokens.verify(TOKEN_V2, EXPIRES.minusSeconds(1))).contains(EMAIL);
    assertThat(tokens.verify(TOKEN_V2, EXPIRES)).isEmpty();
  }

  @Test
  void refusesTheSessionOnceExpired() {
    assertThat(tokens.verify(TOKEN, EXPIRES)).isEmpty();
    assertThat(tokens.verify(TOKEN, EXPIRES.plusSeconds(3600))).isEmpty();
  }

  @Test
  void refusesATokenSignedWithAnotherSecret() {
    assertThat(new SessionTokens(SECRET + "x").verify(TOKEN, EXPIRES.minusSeconds(1))).isEmpty();
  }

  @Test
  void refusesAPayloadChangedAfterSigning() {
    String mac = TOKEN.substring(TOKEN.indexOf('.'));
    String otherPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "ebay-alerts:session:v1|4102444800|mallory@example.com"
                    .getBytes(StandardCharsets.UTF_8));

    assertThat(tokens.verify(otherPayload + mac, EXPIRES.minusSeconds(1))).isEmpty();
    assertThat(tokens.verify(TOKEN.substring(0, TOKEN.length() - 2) + "AA", Instant.EPOCH))
        .isEmpty();
  }

  @Test
  void refusesAConfirmationTokenAsASession() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] payload =
        "ebay-alerts:confirm:v1|4102444800|jane@example.com".getBytes(StandardCharsets.UTF_8);
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String confirmation =
        base64.encodeToString(payload) + "." + base64.encodeToString(mac.doFinal(payload));

    assertThat(tokens.verify(confirmation, Instant.EPOCH)).isEmpty();
  }

  @Test
  void testSessionsAreSignedTheSameWay() {
    assertThat(Sessions.token(SECRET, EMAIL, EXPIRES)).isEqualTo(TOKEN);
  }

  @Test
  void refusesMalformedTokens() {
    assertThat(tokens.verify(null, Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify("", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify("no-dot", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify(".abc", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify("%%%.***", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify("a".repeat(1001) + "." + "b", Instant.EPOCH)).isEmpty();
  }
}
