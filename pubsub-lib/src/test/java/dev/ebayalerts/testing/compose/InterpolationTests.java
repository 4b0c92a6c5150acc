package dev.ebayalerts.testing.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolationTests {

  @Test
  void findsVariablesAlsoInDefaultsButNotEscapedDollars() {
    assertThat(
            Interpolation.variables(
                "${ALERTS_ALLOWED_ORIGINS:-${DASHBOARD_PUBLIC_URL:-http://localhost:3000}}"
                    + " $$NOT_A_VARIABLE $PLAIN ${REQUIRED:?set it}"))
        .containsExactly("ALERTS_ALLOWED_ORIGINS", "DASHBOARD_PUBLIC_URL", "PLAIN", "REQUIRED");
  }

  @Test
  void colonDashTakesTheDefaultWhenEmptyDashOnlyWhenUnset() {
    assertThat(Interpolation.resolve("${URL:-http://ebay-mock:8090}", Map.of("URL", "")))
        .isEqualTo("http://ebay-mock:8090");
    assertThat(Interpolation.resolve("${URL-http://ebay-mock:8090}", Map.of("URL", ""))).isEmpty();
    assertThat(Interpolation.resolve("${URL-http://ebay-mock:8090}", Map.of()))
        .isEqualTo("http://ebay-mock:8090");
  }

  @Test
  void resolvesNestedDefaultsAndEscapes() {
    assertThat(Interpolation.resolve("${A:-${B:-b}} costs $$5", Map.of("B", "from-b")))
        .isEqualTo("from-b costs $5");
  }

  @Test
  void refusesAMissingRequiredVariableWithItsMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> Interpolation.resolve("${SECRET:?set SECRET in .env}", Map.of("SECRET", "")))
        .withMessage("required variable SECRET is missing a value: set SECRET in .env");
  }
}
