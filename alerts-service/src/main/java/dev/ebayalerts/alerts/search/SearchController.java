package dev.ebayalerts.alerts.search;

import dev.ebayalerts.alerts.account.Caller;
import dev.ebayalerts.alerts.account.RateLimiter;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import dev.ebayalerts.alerts.web.InvalidRequest;
import dev.ebayalerts.ebay.EbayBudgetExhausted;
import dev.ebayalerts.ebay.EbayException;
import dev.ebayalerts.ebay.Marketplace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Help with writing a search: eBay's categories for a phrase, and eBay search links read back. */
@RestController
@RequestMapping("/api")
@ApiProblemResponses.BadRequest
@Tag(name = "Searches", description = "Category suggestions and eBay search links")
class SearchController {

  private final CategorySuggestions suggestions;
  private final SearchLinks links;
  private final RateLimiter limits;

  SearchController(CategorySuggestions suggestions, SearchLinks links, RateLimiter limits) {
    this.suggestions = suggestions;
    this.links = links;
    this.limits = limits;
  }

  @GetMapping("/category-suggestions")
  @ApiProblemResponses.Unauthorized
  @ApiProblemResponses.TooManyRequests
  @Operation(
      summary = "Where a search's matches are on eBay",
      description =
          "The categories eBay files the matches of a phrase under, largest first (at most 10),"
              + " each with its share of all matches: pick one for an alert's categoryIds, or"
              + " exclude accessory categories with excludedCategoryIds. Signed in only; each"
              + " phrase not asked within the hour costs an eBay call and counts towards a limit"
              + " per address (429 when used up).")
  @ApiSuccessResponses.Ok
  CategorySuggestions.Suggestions categories(
      @Parameter(hidden = true) Caller caller,
      @Parameter(description = "What the alert searches for", example = "nintendo switch oled")
          @RequestParam
          String phrase,
      @Parameter(description = "The eBay site, EBAY_US when omitted", example = "EBAY_US")
          @RequestParam(required = false)
          Marketplace marketplace) {
    String email = caller.requireEmail();
    if (phrase == null || phrase.isBlank()) {
      throw InvalidRequest.field("phrase", "must not be blank: give the words to search eBay for");
    }
    if (phrase.strip().length() > 100) {
      throw InvalidRequest.field(
          "phrase", "must be at most 100 characters: eBay ignores longer searches");
    }
    Marketplace site = marketplace == null ? Marketplace.EBAY_US : marketplace;
    if (!suggestions.cached(phrase, site)) {
      limits.categorySuggestion(email);
    }
    return suggestions.of(phrase, site);
  }

  /**
   * eBay failing is not the caller's fault nor a bug here: 503 with when to try again, where eBay
   * (or the day's call budget) said.
   */
  @ExceptionHandler(EbayException.class)
  ResponseEntity<ProblemDetail> ebayFailed(EbayException failure) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "eBay could not be asked for this search's categories just now; try again later."
                + " Alerts can be saved without them.");
    problem.setTitle("eBay unavailable");
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
    if (failure instanceof EbayBudgetExhausted budget) {
      answer.header(
          HttpHeaders.RETRY_AFTER,
          String.valueOf(
              Math.max(1, Duration.between(Instant.now(), budget.resetsAt()).toSeconds())));
    }
    return answer.body(problem);
  }

  /** A pasted eBay search link. */
  // Named apart from the sign-in LinkRequest: OpenAPI names schemas by simple class name.
  @Schema(name = "SearchLinkRequest")
  record LinkRequest(
      @NotBlank(message = "must not be blank: paste the address of an eBay search")
          @Size(max = 4000, message = "must be at most 4000 characters")
          String url) {}

  @PostMapping("/search-links")
  @Operation(
      summary = "Read an eBay search link",
      description =
          "Turns the address of a search on eBay's website (ebay.com, .co.uk, .de, .fr, .it, .es,"
              + " .ca, .com.au) into the fields of an alert, to review and send to POST"
              + " /api/alerts. Parameters that cannot be carried over are listed in"
              + " unsupported, with the reason; none is dropped silently.")
  @ApiSuccessResponses.Ok
  SearchLinks.Draft read(@Valid @RequestBody LinkRequest request) {
    return links.read(request.url());
  }
}
