package dev.ebayalerts.pubsub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What makes a secret setting acceptable: set, not a placeholder, and random enough. */
class StrongSecretTests {

  @Test
  void refusesPlaceholdersGuessableValuesAndNothing() {
    assertThat(StrongSecret.Validator.problem("  ")).isEqualTo("must be set");
    assertThat(StrongSecret.Validator.problem("CHANGE-ME-local-only-placeholder-session-secret-00"))
        .isEqualTo("is a placeholder (it contains \"change-me\")");
    assertThat(StrongSecret.Validator.problem("correct horse battery staple"))
        .startsWith("is too easy to guess");
    assertThat(StrongSecret.Validator.problem("k".repeat(64))).contains("about 0 bits");
  }

  @Test
  void acceptsWhatOpensslRandGives() {
    assertThat(
            StrongSecret.Validator.problem(
                "q9a1Wm4VhQ0tK8ZsR3yN6cJ2pL5xB7uE1oT4gD8fH0iY6wM3nS9rA2vC5zX7kJ4b"))
        .isNull();
  }
}
