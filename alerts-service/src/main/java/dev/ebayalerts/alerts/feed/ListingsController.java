package dev.ebayalerts.alerts.feed;

import dev.ebayalerts.alerts.account.Caller;
import dev.ebayalerts.alerts.alert.AlertControl;
import dev.ebayalerts.alerts.mute.Mutes;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An alert's listings as its owner sees them in the dashboard. */
@RestController
@Tag(name = "Alerts")
@ApiProblemResponses.BadRequest
@ApiProblemResponses.Unauthorized
class ListingsController {

  private final ToldListings told;
  private final AlertControl alerts;
  private final Mutes mutes;
  private final Clock clock;

  ListingsController(ToldListings told, AlertControl alerts, Mutes mutes, Clock clock) {
    this.told = told;
    this.alerts = alerts;
    this.mutes = mutes;
    this.clock = clock;
  }

  @GetMapping("/api/alerts/{id}/listings")
  @Operation(
      summary = "What the alert found and told",
      description =
          "Newest first, each listing once in its latest state: NEW, DROPPED (with the price"
              + " before), ENDED (an auction that ended) or MUTED; at most 200. Filter with"
              + " state.")
  @ApiProblemResponses.NotFound
  @ApiSuccessResponses.Ok
  ToldListings.Listings listings(
      @Parameter(hidden = true) Caller caller,
      @PathVariable UUID id,
      @Parameter(description = "Only listings in this state") @RequestParam(required = false)
          ToldListings.State state) {
    AlertControl.Owned alert = alerts.owned(id, caller.requireEmail());
    return new ToldListings.Listings(
        told.of(id, mutes.forAlert(id, alert.email()), state, clock.instant()));
  }
}
