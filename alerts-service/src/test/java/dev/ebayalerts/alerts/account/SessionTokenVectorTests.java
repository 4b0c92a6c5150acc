package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * analytics-service checks sessions itself (its insights are for the alert's owner only); its
 * SessionTokenTests accepts this very token, so the two implementations cannot drift apart.
 */
class SessionTokenVectorTests {

  static final String SECRET = "a-session-secret-of-at-least-32-characters";
  static final String EMAIL = "jane@example.com";
  static final Instant EXPIRES = Instant.parse("2100-01-01T00:00:00Z");
  static final String TOKEN =
      "ZWJheS1hbGVydHM6c2Vzc2lvbjp2MXw0MTAyNDQ0ODAwfGphbmVAZXhhbXBsZS5jb20"
          + ".vzPC0f_EPRcJ6TsrkDZxsk6SIhlBiMeQeMFTqAasffA";

  final SignedTokens tokens =
      new SignedTokens(
          new SecuritySettings(
              SECRET,
              "k".repeat(32),
              List.of("http://localhost:3000"),
              Duration.ofDays(7),
              Duration.ofMinutes(15),
              Duration.ofDays(2)));

  /** Version 2, with a nonce: the same vector is in analytics-service's SessionTokenTests. */
  static final String TOKEN_V2 =
      "ZWJheS1hbGVydHM6c2Vzc2lvbjp2Mnw0MTAyNDQ0ODAwfEFBQUFBQUFBQUFBQUFBQUF8amFuZUBleGFtcGxlLmNvbQ._e2ngiceL_qKPn051igowxTCR7luNRGKXMRAtCrSQAw";

  @Test
  void issuesTheSessionTokenAnalyticsServiceAccepts() {
    assertThat(tokens.issue(SignedTokens.SESSION, EMAIL, EXPIRES, "AAAAAAAAAAAAAAAA"))
        .isEqualTo(TOKEN_V2);
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN_V2, EXPIRES.minusSeconds(1)))
        .contains(EMAIL);
  }

  @Test
  void everySessionTokenIsUniqueEvenForTheSameAddressAndSecond() {
    assertThat(tokens.issue(SignedTokens.SESSION, EMAIL, EXPIRES))
        .isNotEqualTo(tokens.issue(SignedTokens.SESSION, EMAIL, EXPIRES));
  }

  @Test
  void stillReadsVersionOneTokensUntilTheyExpire() {
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN, EXPIRES.minusSeconds(1))).contains(EMAIL);
    assertThat(tokens.verify(SignedTokens.SESSION, TOKEN, EXPIRES)).isEmpty();
  }
}
