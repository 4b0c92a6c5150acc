package dev.ebayalerts.analytics.insight;

import dev.ebayalerts.analytics.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Insights", description = "How an alert's prices moved over the last 14 days")
@ApiResponse(
    responseCode = "401",
    description =
        "No valid session (cookie alerts_session or Authorization: Bearer, issued by"
            + " alerts-service) and no operator X-API-Key",
    content =
        @Content(
            mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(
    responseCode = "404",
    description = "No such alert of the signed-in address (or it was deleted)",
    content =
        @Content(
            mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetail.class)))
@RestController
@RequestMapping("/api/alerts/{id}")
class InsightController {

  private final Insights insights;
  private final ListingPrices listingPrices;
  private final JdbcClient jdbc;

  InsightController(Insights insights, ListingPrices listingPrices, JdbcClient jdbc) {
    this.insights = insights;
    this.listingPrices = listingPrices;
    this.jdbc = jdbc;
  }

  @Operation(
      summary = "Price insights of an alert",
      description =
          "Listings tracked and new, lowest/highest/average/median price and today's, the typical"
              + " price's change, biggest drops, listings at their lowest, best current deals; one"
              + " section per currency. Listings priced below `implausiblyCheapBelow` (Tukey's"
              + " lower fence on log prices, at most half the median) are no deals: they are"
              + " listed in `suspicious`, each with its `reason` (\"far below typical: check it is"
              + " the item\"). Only what was seen on the alert's current marketplace"
              + " (`marketplace`) counts, not what it found on one it searched before.")
  @GetMapping("/insights")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  AlertInsights insights(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
    requireReadable(id, caller);
    return insights.forAlert(id);
  }

  @Operation(
      summary = "Daily min, median and max price of an alert, for charts",
      description = "Per currency, on the alert's current marketplace only, as the insights.")
  @GetMapping("/price-history")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  List<PricePoint> priceHistory(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
    requireReadable(id, caller);
    return insights.history(id);
  }

  @Operation(
      summary = "One listing's prices over the last 14 days, for its chart",
      description =
          "The prices the alert's runs saw of the listing on the alert's current marketplace,"
              + " oldest first, one per run; a run of equal prices is collapsed to its first and"
              + " last observation, at most 200 points (the latest). A listing the alert never saw"
              + " there gives an empty list.")
  @GetMapping("/listings/{itemId}/prices")
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  List<ListingPrice> listingPrices(
      @PathVariable UUID id,
      @Parameter(description = "eBay item id, URL-encoded (v1%7C1234%7C0 for v1|1234|0)")
          @PathVariable
          String itemId,
      @Parameter(hidden = true) Caller caller) {
    requireReadable(id, caller);
    return listingPrices.of(id, itemId);
  }

  /**
   * Someone else's alert is answered exactly like a missing one, so ids of other people's alerts
   * reveal nothing.
   */
  private void requireReadable(UUID id, Caller caller) {
    boolean readable =
        jdbc.sql("select email from alert_copy where id = ? and not deleted")
            .param(id)
            .query(String.class)
            .optional()
            .filter(caller::mayRead)
            .isPresent();
    if (!readable) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No alert with id " + id + ".");
      problem.setTitle("Alert not found");
      throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
  }
}
