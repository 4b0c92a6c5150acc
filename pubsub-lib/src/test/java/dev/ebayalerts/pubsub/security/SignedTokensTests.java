package dev.ebayalerts.pubsub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The token format both services read, in one place: version 1 (still read) and version 2 vectors,
 * expiry, other secrets, tampering, purposes and malformed input.
 */
class SignedTokensTests {

  static final String SECRET = "a-session-secret-of-at-least-32-characters";

  static final String EMAIL = "jane@example.com";
  static final Instant EXPIRES = Instant.parse("2100-01-01T00:00:00Z");
  static final String TOKEN =
      "ZWJheS1hbGVydHM6c2Vzc2lvbjp2MXw0MTAyNDQ0ODAwfGphbmVAZXhhbXBsZS5jb20"
          + ".vzPC0f_EPRcJ6TsrkDZxsk6SIhlBiMeQeMFTqAasffA";

  final SignedTokens tokens = new SignedTokens(SECRET);

  /** Version 1 (no nonce), as alerts-service issued sessions before. */
  @Test
  void stillReadsVersionOneSessions() {
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN, EXPIRES.minusSeconds(1))).contains(EMAIL);
  }

  /** Version 2, with the nonce AAAAAAAAAAAAAAAA. */
  static final String TOKEN_V2 =
      "ZWJheS1hbGVydHM6c2Vzc2lvbjp2Mnw0MTAyNDQ0ODAwfEFBQUFBQUFBQUFBQUFBQUF8amFuZUBleGFtcGxlLmNvbQ._e2ngiceL_qKPn051igowxTCR7luNRGKXMRAtCrSQAw";

  @Test
  void acceptsTheVersionTwoSessionAlertsServiceIssues() {
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN_V2, EXPIRES.minusSeconds(1)))
        .contains(EMAIL);
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN_V2, EXPIRES)).isEmpty();
  }

  @Test
  void refusesTheSessionOnceExpired() {
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN, EXPIRES)).isEmpty();
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN, EXPIRES.plusSeconds(3600))).isEmpty();
  }

  @Test
  void refusesATokenSignedWithAnotherSecret() {
    assertThat(
            new SignedTokens(SECRET + "x")
                .verify(SignedTokens.SESSION, TOKEN, EXPIRES.minusSeconds(1)))
        .isEmpty();
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

    assertThat(tokens.verify(SignedTokens.SESSION, otherPayload + mac, EXPIRES.minusSeconds(1)))
        .isEmpty();
    assertThat(
            tokens.verify(
                SignedTokens.SESSION, TOKEN.substring(0, TOKEN.length() - 2) + "AA", Instant.EPOCH))
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

    assertThat(tokens.verify(SignedTokens.SESSION, confirmation, Instant.EPOCH)).isEmpty();
  }

  @Test
  void issuesTheVersionTwoVectorAndEveryTokenIsUnique() {
    assertThat(tokens.issue(SignedTokens.SESSION, EMAIL, EXPIRES, "AAAAAAAAAAAAAAAA"))
        .isEqualTo(TOKEN_V2);
    assertThat(tokens.issue(SignedTokens.SESSION, EMAIL, EXPIRES))
        .isNotEqualTo(tokens.issue(SignedTokens.SESSION, EMAIL, EXPIRES));
  }

  @Test
  void aTokenIsOnlyGoodForItsPurpose() {
    String start = tokens.issue("start", "0b6f9c57-1f3e-4a4e-9f7c-3b8e2f1c9d2a", EXPIRES);

    assertThat(tokens.verify("start", start, Instant.EPOCH))
        .contains("0b6f9c57-1f3e-4a4e-9f7c-3b8e2f1c9d2a");
    assertThat(tokens.verify(SignedTokens.SESSION, start, Instant.EPOCH)).isEmpty();
  }

  @Test
  void refusesMalformedTokens() {
    assertThat(tokens.verify(SignedTokens.SESSION, null, Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify(SignedTokens.SESSION, "", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify(SignedTokens.SESSION, "no-dot", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify(SignedTokens.SESSION, ".abc", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify(SignedTokens.SESSION, "%%%.***", Instant.EPOCH)).isEmpty();
    assertThat(tokens.verify(SignedTokens.SESSION, "a".repeat(1001) + "." + "b", Instant.EPOCH))
        .isEmpty();
  }

  @Test
  void refusesAnEmptySubjectEvenWhenSigned() throws Exception {
    String signed = signed("ebay-alerts:session:v2|4102444800|AAAAAAAAAAAAAAAA|");

    assertThat(tokens.verify(SignedTokens.SESSION, signed, Instant.EPOCH)).isEmpty();
    assertThat(
            tokens.verify(
                SignedTokens.SESSION, signed("ebay-alerts:session:v1|4102444800|"), Instant.EPOCH))
        .isEmpty();
    assertThatThrownBy(() -> tokens.issue(SignedTokens.SESSION, "", EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A signed expiry an Instant cannot hold is refused, not thrown as DateTimeException. */
  @Test
  void refusesAnExpiryBeyondTheLastInstant() throws Exception {
    assertThat(
            tokens.verify(
                SignedTokens.SESSION,
                signed("ebay-alerts:session:v2|99999999999999999|AAAAAAAAAAAAAAAA|j@x.io"),
                Instant.EPOCH))
        .isEmpty();
    assertThat(
            tokens.verify(
                SignedTokens.SESSION,
                signed("ebay-alerts:session:v1|-99999999999999999|j@x.io"),
                Instant.EPOCH))
        .isEmpty();
  }

  @Test
  void refusesHugeInputBeforeReadingIt() {
    String huge = "A".repeat(2_000_000) + "." + "A".repeat(43);

    assertThat(tokens.verify(SignedTokens.SESSION, huge, Instant.EPOCH)).isEmpty();
  }

  private static String signed(String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(bytes) + "." + base64.encodeToString(mac.doFinal(bytes));
  }
}
