package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.account.Caller;
import dev.ebayalerts.alerts.web.ApiDocs;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alerts")
@ApiProblemResponses.BadRequest
@SecurityRequirement(name = ApiDocs.BEARER)
@SecurityRequirement(name = ApiDocs.COOKIE)
@RestController
class FeedTokenController {

  private final FeedTokens tokens;
  private final FeedLinks links;

  FeedTokenController(FeedTokens tokens, FeedLinks links) {
    this.tokens = tokens;
    this.links = links;
  }

  @Operation(
      summary = "Replace an alert's feed URL",
      description =
          "The old feed URL stops working at once (404); readers need the new one. For a feed URL"
              + " that was shared too widely.")
  @ApiProblemResponses.Unauthorized
  @ApiProblemResponses.NotFound
  @PostMapping("/api/alerts/{id}/feed-token")
  @ApiSuccessResponses.Ok
  FeedUrl replace(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
    return tokens
        .replace(id, caller.requireEmail())
        .map(token -> new FeedUrl(links.urlFor(token)))
        .orElseThrow(() -> alertNotFound(id));
  }

  /** As the alerts API answers: someone else's alert is "not found", exactly like a missing one. */
  private static ErrorResponseException alertNotFound(UUID id) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No alert with id " + id + ".");
    problem.setTitle("Alert not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }

  @Schema(description = "An alert's feed URL")
  record FeedUrl(
      @Schema(example = "http://localhost:8080/feeds/3q2-7wEjLmN0pQrStUvWxYz_AbCdEfGh.atom")
          String feedUrl) {}
}
