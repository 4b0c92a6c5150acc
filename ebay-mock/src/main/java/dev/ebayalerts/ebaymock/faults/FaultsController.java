package dev.ebayalerts.ebaymock.faults;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/faults}: read, replace ({@code POST}, fields left out count as "no fault") and
 * reset ({@code DELETE}, back to the configured faults).
 */
@RestController
@RequestMapping("/admin/faults")
class FaultsController {

  private final Faults faults;

  FaultsController(Faults faults) {
    this.faults = faults;
  }

  @GetMapping
  FaultSettings current() {
    return faults.current();
  }

  @PostMapping
  FaultSettings apply(@Valid @RequestBody FaultRequest request) {
    faults.apply(request.toSettings());
    return faults.current();
  }

  @DeleteMapping
  FaultSettings reset() {
    faults.reset();
    return faults.current();
  }

  /** Like {@link FaultSettings}, but every field optional so callers name only what they want. */
  record FaultRequest(
      @Min(0) Long latencyMs,
      @Min(FaultSettings.ALWAYS) Integer expiredTokenCount,
      @Min(FaultSettings.ALWAYS) Integer rateLimitCount,
      @Min(0) Integer retryAfterSeconds,
      @Min(FaultSettings.ALWAYS) Integer serverErrorCount,
      @Min(FaultSettings.ALWAYS) Integer malformedCount,
      @Min(0) Integer incompleteItemsEvery) {

    FaultSettings toSettings() {
      FaultSettings none = FaultSettings.none();
      return new FaultSettings(
          latencyMs == null ? none.latencyMs() : latencyMs,
          expiredTokenCount == null ? 0 : expiredTokenCount,
          rateLimitCount == null ? 0 : rateLimitCount,
          retryAfterSeconds == null ? none.retryAfterSeconds() : retryAfterSeconds,
          serverErrorCount == null ? 0 : serverErrorCount,
          malformedCount == null ? 0 : malformedCount,
          incompleteItemsEvery == null ? 0 : incompleteItemsEvery);
    }
  }
}
