package dev.ebayalerts.ebaymock.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.EbayMockProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTests {

  @Test
  void startsWithTheConfiguredFaultsAndReturnsToThem() {
    FaultSettings configured = new FaultSettings(0, 0, 1, 3, 0, 0, 0);
    Faults faults =
        new Faults(
            new EbayMockProperties(
                "id", "secret", Duration.ofMinutes(10), 6, null, null, configured));

    assertThat(faults.takeRateLimit()).isTrue();
    assertThat(faults.takeRateLimit()).isFalse();
    assertThat(faults.retryAfterSeconds()).isEqualTo(3);

    faults.reset();
    assertThat(faults.current()).isEqualTo(configured);
    assertThat(faults.takeServerError()).isFalse();
  }
}
