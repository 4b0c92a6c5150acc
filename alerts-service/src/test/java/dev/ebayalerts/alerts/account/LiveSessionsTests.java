package dev.ebayalerts.alerts.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A session found live is not looked up again for a second; one ended elsewhere is refused once
 * that second has passed, one ended here at once.
 */
class LiveSessionsTests {

  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  /** The session table: the hashes of live sessions, counting how often it is asked. */
  private final Set<String> table = new HashSet<>(Set.of("phone", "laptop"));

  private int lookups;
  private final Predicate<String> lookup =
      hash -> {
        lookups++;
        return table.contains(hash);
      };

  private final LiveSessions live = new LiveSessions(Duration.ofSeconds(1));

  @Test
  void aLiveSessionIsLookedUpOncePerInterval() {
    assertThat(live.isLive("phone", NOW, lookup)).isTrue();
    assertThat(live.isLive("phone", NOW.plusMillis(400), lookup)).isTrue();
    assertThat(live.isLive("phone", NOW.plusMillis(999), lookup)).isTrue();
    assertThat(lookups).isEqualTo(1);

    assertThat(live.isLive("phone", NOW.plusSeconds(1), lookup)).isTrue();
    assertThat(lookups).isEqualTo(2);
  }

  @Test
  void aSessionEndedElsewhereIsRefusedOnceTheIntervalHasPassed() {
    assertThat(live.isLive("phone", NOW, lookup)).isTrue();

    table.remove("phone"); // revoked by another instance: this one is not told

    assertThat(live.isLive("phone", NOW.plusMillis(500), lookup)).isTrue();
    assertThat(live.isLive("phone", NOW.plusSeconds(1), lookup)).isFalse();
    assertThat(live.isLive("phone", NOW.plusSeconds(1).plusMillis(1), lookup)).isFalse();
  }

  @Test
  void aSessionEndedHereIsRefusedAtOnce() {
    assertThat(live.isLive("phone", NOW, lookup)).isTrue();

    table.remove("phone");
    live.forget("phone");

    assertThat(live.isLive("phone", NOW.plusMillis(1), lookup)).isFalse();
    assertThat(live.isLive("laptop", NOW.plusMillis(1), lookup)).isTrue();
  }

  @Test
  void aRefusedSessionIsAskedAboutEveryTime() {
    assertThat(live.isLive("stolen", NOW, lookup)).isFalse();
    assertThat(live.isLive("stolen", NOW, lookup)).isFalse();
    assertThat(lookups).isEqualTo(2);
  }

  @Test
  void zeroAsksOnEveryRequest() {
    LiveSessions uncached = new LiveSessions(Duration.ZERO);

    uncached.isLive("phone", NOW, lookup);
    uncached.isLive("phone", NOW, lookup);

    assertThat(lookups).isEqualTo(2);
  }
}
