package dev.ebayalerts.alerts.support;

/**
 * The tests' secrets: random values (from {@code openssl rand -base64 36}), because the service
 * refuses placeholders and guessable ones. Public, so test-only.
 */
public final class TestSecrets {

  public static final String LINK = "T2BdzUs39PmDZTYX5IKhjuRxPkNTLcx3AtV8+1rjNSq7RKW4";
  public static final String SESSION = "BtvsR63Ca08cB3z9yYLw24lvYUm3zLGPiGbW+5RwlZV1IgKU";
  public static final String OPERATOR_KEY = "LvEQ3KsJms834olGdBHodliLxBZeDQpZMy0LezuA+jNJ6mnI";

  /** An Ed25519 pair for sessions (openssl genpkey -algorithm ed25519), test-only. */
  public static final String SESSION_SIGNING_KEY =
      "MC4CAQAwBQYDK2VwBCIEIOvsVaFEGL5ueJYoSneano+Mhp7shkjUVvAWqXh9e5XL";

  public static final String SESSION_VERIFY_KEY =
      "MCowBQYDK2VwAyEAtlmAj+QoOD2gmz87MW1w3/+XUA0WGQH73Hf7eXV8LpU=";

  private TestSecrets() {}
}
