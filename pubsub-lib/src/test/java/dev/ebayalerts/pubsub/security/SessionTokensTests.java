package dev.ebayalerts.pubsub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 sessions: alerts-service's private key makes and checks them, analytics-service's public
 * key only checks them, and another pair's are refused.
 */
class SessionTokensTests {

  static final String PRIVATE = "MC4CAQAwBQYDK2VwBCIEIOvsVaFEGL5ueJYoSneano+Mhp7shkjUVvAWqXh9e5XL";
  static final String PUBLIC = "MCowBQYDK2VwAyEAtlmAj+QoOD2gmz87MW1w3/+XUA0WGQH73Hf7eXV8LpU=";
  static final String OTHER_PRIVATE =
      "MC4CAQAwBQYDK2VwBCIEIN51Lnu9o6ELVIULh0xYPjcxw6aPVSawvszJko7saP1P";
  static final Instant EXPIRES = Instant.parse("2100-01-01T00:00:00Z");

  final SessionTokens alerts = SessionTokens.signing(PRIVATE);
  final SessionTokens analytics = SessionTokens.verifying(PUBLIC);

  @Test
  void bothServicesAcceptWhatThePrivateKeySignedUntilItExpires() {
    String token = alerts.issue("jane@example.com", EXPIRES);

    assertThat(alerts.verify(token, EXPIRES.minusSeconds(1))).contains("jane@example.com");
    assertThat(analytics.verify(token, EXPIRES.minusSeconds(1))).contains("jane@example.com");
    assertThat(analytics.verify(token, EXPIRES)).isEmpty();
  }

  @Test
  void aTokenCheckedBeforeStillExpiresAndItsTamperedCopiesStayRefused() {
    Instant soon = Instant.parse("2030-01-01T00:00:00Z");
    String token = alerts.issue("jane@example.com", soon);
    assertThat(analytics.verify(token, soon.minusSeconds(1))).contains("jane@example.com");
    assertThat(analytics.verify(token, soon.minusSeconds(1))).contains("jane@example.com");

    assertThat(analytics.verify(token, soon)).isEmpty();
    String payload = token.substring(0, token.indexOf('.'));
    String signature = token.substring(token.indexOf('.') + 1);
    String otherPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(payload))
                    .replace("jane@", "mallory@")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(analytics.verify(otherPayload + "." + signature, soon.minusSeconds(1))).isEmpty();
    assertThat(alerts.verify(otherPayload + "." + signature, soon.minusSeconds(1))).isEmpty();
  }

  @Test
  void signaturesAreDeterministicSoTheVectorHolds() {
    String vector = alerts.issue("jane@example.com", EXPIRES, "AAAAAAAAAAAAAAAA");

    assertThat(alerts.issue("jane@example.com", EXPIRES, "AAAAAAAAAAAAAAAA")).isEqualTo(vector);
    assertThat(analytics.verify(vector, Instant.EPOCH)).contains("jane@example.com");
    assertThat(alerts.issue("jane@example.com", EXPIRES))
        .isNotEqualTo(alerts.issue("jane@example.com", EXPIRES));
  }

  @Test
  void theVerifyingServiceCannotIssueAndOtherKeysAreRefused() {
    assertThatThrownBy(() -> analytics.issue("mallory@example.com", EXPIRES))
        .isInstanceOf(IllegalStateException.class);
    String forged = SessionTokens.signing(OTHER_PRIVATE).issue("jane@example.com", EXPIRES);

    assertThat(analytics.verify(forged, Instant.EPOCH)).isEmpty();
    assertThat(alerts.verify(forged, Instant.EPOCH)).isEmpty();
  }

  @Test
  void hmacSessionsAndMalformedTokensAreRefused() {
    String hmac =
        new SignedTokens("q9a1Wm4VhQ0tK8ZsR3yN6cJ2pL5xB7uE").issue("session", "j@x.io", EXPIRES);

    assertThat(analytics.verify(hmac, Instant.EPOCH)).isEmpty();
    assertThat(analytics.verify(null, Instant.EPOCH)).isEmpty();
    assertThat(analytics.verify("no-dot", Instant.EPOCH)).isEmpty();
    assertThat(analytics.verify("%%%.***", Instant.EPOCH)).isEmpty();
  }

  @Test
  void keysThatAreNotEd25519AreRefusedWithAReason() {
    assertThatThrownBy(() -> SessionTokens.signing(PUBLIC))
        .hasMessageContaining("not an Ed25519 private key");
    assertThatThrownBy(() -> SessionTokens.verifying("bm90IGEga2V5"))
        .hasMessageContaining("not an Ed25519 public key");
  }

  /** Both local services find the same pair in the data folder, whichever made it. */
  @Test
  void aPairKeptInAFolderIsMadeOnceAndSignsWhatItsPublicHalfAccepts(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
    SessionTokens.Keys made = SessionTokens.Keys.inFolder(folder);
    SessionTokens.Keys again = SessionTokens.Keys.inFolder(folder);

    assertThat(again).isEqualTo(made);
    String token = SessionTokens.signing(made.privateKey()).issue("jane@example.com", EXPIRES);
    assertThat(SessionTokens.verifying(again.publicKey()).verify(token, Instant.EPOCH))
        .contains("jane@example.com");
  }

  @Test
  void emptyAddressesAndExpiriesBeyondTheLastInstantAreRefused() throws Exception {
    assertThatThrownBy(() -> alerts.issue("", EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);

    String empty = signedWithPrivate("ebay-alerts:session:v3|4102444800|AAAAAAAAAAAAAAAA|");
    String endless =
        signedWithPrivate("ebay-alerts:session:v3|99999999999999999|AAAAAAAAAAAAAAAA|j@x.io");
    String good = signedWithPrivate("ebay-alerts:session:v3|4102444800|AAAAAAAAAAAAAAAA|j@x.io");

    assertThat(analytics.verify(good, Instant.EPOCH)).contains("j@x.io");
    assertThat(analytics.verify(empty, Instant.EPOCH)).isEmpty();
    assertThat(alerts.verify(empty, Instant.EPOCH)).isEmpty();
    assertThat(analytics.verify(endless, Instant.EPOCH)).isEmpty();
    assertThat(alerts.verify(endless, Instant.EPOCH)).isEmpty();
  }

  @Test
  void aTamperedPayloadOrSignatureAndHugeInputAreRefused() {
    String token = alerts.issue("jane@example.com", EXPIRES, "AAAAAAAAAAAAAAAA");
    int dot = token.indexOf('.');
    String mallory =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "ebay-alerts:session:v3|4102444800|AAAAAAAAAAAAAAAA|mallory@example.com"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    char last = token.charAt(token.length() - 2);
    String flipped =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertThat(analytics.verify(mallory + token.substring(dot), Instant.EPOCH)).isEmpty();
    assertThat(alerts.verify(mallory + token.substring(dot), Instant.EPOCH)).isEmpty();
    assertThat(analytics.verify(flipped, Instant.EPOCH)).isEmpty();
    assertThat(alerts.verify(flipped, Instant.EPOCH)).isEmpty();
    assertThat(analytics.verify(token + "x".repeat(2_000_000), Instant.EPOCH)).isEmpty();
  }

  private static String signedWithPrivate(String payload) throws Exception {
    java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
    signer.initSign(
        java.security.KeyFactory.getInstance("Ed25519")
            .generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(
                    java.util.Base64.getDecoder().decode(PRIVATE))));
    byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    signer.update(bytes);
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(bytes) + "." + base64.encodeToString(signer.sign());
  }
}
