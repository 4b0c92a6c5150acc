package dev.ebayalerts.ebaymock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets tests and demos read request counts and move the mock's clock. */
@RestController
@RequestMapping("/admin")
class AdminController {

  private final RequestStats stats;
  private final MockClock clock;

  AdminController(RequestStats stats, MockClock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  @GetMapping("/stats")
  RequestStats.Snapshot stats() {
    return stats.snapshot();
  }

  @DeleteMapping("/stats")
  RequestStats.Snapshot resetStats() {
    stats.reset();
    return stats.snapshot();
  }

  @GetMapping("/clock")
  ClockState clock() {
    return new ClockState(clock.instant());
  }

  /** Advances the clock, e.g. {@code {"advanceBy":"PT2H"}}, so new listings appear. */
  @PostMapping("/clock")
  ClockState advance(@Valid @RequestBody AdvanceClock request) {
    clock.advance(request.advanceBy());
    return new ClockState(clock.instant());
  }

  /** Undoes every advance. */
  @DeleteMapping("/clock")
  ClockState resetClock() {
    clock.reset();
    return new ClockState(clock.instant());
  }

  record AdvanceClock(@NotNull Duration advanceBy) {}

  record ClockState(Instant now) {}
}
