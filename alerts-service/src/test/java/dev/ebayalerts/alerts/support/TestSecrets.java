package dev.ebayalerts.alerts.support;

/**
 * The tests' secrets: random values (from {@code openssl rand -base64 36}), because the service
 * refuses placeholders and guessable ones. Public, so test-only.
 */
public final class TestSecrets {

  public static final String LINK = "T2BdzUs39PmDZTYX5IKhjuRxPkNTLcx3AtV8+1rjNSq7RKW4";
  public static final String SESSION = "BtvsR63Ca08cB3z9yYLw24lvYUm3zLGPiGbW+5RwlZV1IgKU";
  public static final String OPERATOR_KEY = "LvEQ3KsJms834olGdBHodliLxBZeDQpZMy0LezuA+jNJ6mnI";

  private TestSecrets() {}
}
