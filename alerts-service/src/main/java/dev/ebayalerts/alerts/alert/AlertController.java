package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.account.Accounts;
import dev.ebayalerts.alerts.account.Caller;
import dev.ebayalerts.alerts.account.RateLimiter;
import dev.ebayalerts.alerts.web.ApiDocs;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import dev.ebayalerts.alerts.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.groups.Default;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

@Tag(name = "Alerts", description = "Saved eBay searches that email new and cheaper listings")
@ApiProblemResponses.BadRequest
@SecurityRequirement(name = ApiDocs.BEARER)
@SecurityRequirement(name = ApiDocs.COOKIE)
@RestController
@RequestMapping("/api/alerts")
class AlertController {

  private final AlertService service;
  private final AlertPatcher patcher;
  private final AlertSettings settings;
  private final Accounts accounts;
  private final RateLimiter limits;

  AlertController(
      AlertService service,
      AlertPatcher patcher,
      AlertSettings settings,
      Accounts accounts,
      RateLimiter limits) {
    this.service = service;
    this.patcher = patcher;
    this.settings = settings;
    this.accounts = accounts;
    this.limits = limits;
  }

  @Operation(summary = "List the check frequencies an alert may use, in minutes")
  @GetMapping("/frequencies")
  @ApiSuccessResponses.Ok
  Frequencies frequencies() {
    return new Frequencies(settings.frequencies());
  }

  @Operation(
      summary = "Create an alert",
      description =
          "Signed in (session cookie or bearer token): the alert starts at once (201), and email"
              + " must be the signed-in address. Without a session: the alert waits (PENDING)"
              + " until the address's owner starts it from the email that shows it, and the"
              + " answer is 202 with the same body for every address, saying nothing about it.")
  @ApiResponse(
      responseCode = "201",
      description = "Created and started; Location names it",
      content = @Content(schema = @Schema(implementation = AlertResponse.class)))
  @ApiResponse(
      responseCode = "202",
      description = "Without a session: the address's owner is asked to start it",
      content = @Content(schema = @Schema(implementation = ConsentRequested.class)))
  @ApiProblemResponses.TooManyRequests
  @PostMapping
  ResponseEntity<?> create(
      @Valid @RequestBody AlertRequest request,
      @Parameter(hidden = true) Caller caller,
      HttpServletRequest http) {
    caller
        .sessionEmail()
        .filter(signedIn -> !signedIn.equals(request.email()))
        .ifPresent(
            signedIn -> {
              throw InvalidRequest.field(
                  "email", "must be the address you are signed in as (" + signedIn + ")");
            });
    limits.alertCreation(http.getRemoteAddr(), request.email());
    if (caller.sessionEmail().isEmpty()) {
      limits.startRequest(request.email());
      AlertResponse pending = service.create(request, true);
      accounts.askToStart(pending.id(), pending.email(), pending.searchPhrase(), pending.summary());
      return ResponseEntity.accepted().body(ConsentRequested.INSTANCE);
    }
    AlertResponse alert = service.create(request);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .path("/{id}")
            .buildAndExpand(alert.id())
            .toUri();
    return ResponseEntity.created(location).body(alert);
  }

  /** The answer to a create without a session: the same for every address. */
  record ConsentRequested(
      @Schema(
              example =
                  "Check your inbox: the alert starts once you open the link in the email we"
                      + " sent to the address, and confirm there.")
          String message) {
    static final ConsentRequested INSTANCE =
        new ConsentRequested(
            "Check your inbox: the alert starts once you open the link in the email we sent to"
                + " the address, and confirm there. Sign in to create alerts that start at"
                + " once.");
  }

  @Operation(
      summary = "List your alerts, one page at a time",
      description = "With the operator API key (X-API-Key), every alert.")
  @ApiProblemResponses.Unauthorized
  @SecurityRequirement(name = ApiDocs.BEARER)
  @SecurityRequirement(name = ApiDocs.COOKIE)
  @SecurityRequirement(name = ApiDocs.API_KEY)
  @GetMapping
  @ApiSuccessResponses.Ok
  AlertPage list(
      @Parameter(hidden = true) Caller caller,
      @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0)
          int page,
      @Parameter(description = "Alerts per page, 1 to 100")
          @RequestParam(defaultValue = "20")
          @Min(1)
          @Max(100)
          int size,
      @Parameter(description = "Sort order: " + AlertSort.ALLOWED)
          @RequestParam(defaultValue = AlertSort.DEFAULT)
          String sort) {
    Sort order =
        AlertSort.parse(sort)
            .orElseThrow(() -> InvalidRequest.field("sort", "must be one of " + AlertSort.ALLOWED));
    PageRequest request = PageRequest.of(page, size, order);
    if (caller.operator()) {
      return service.page(service.list(request));
    }
    return service.page(caller.requireEmail(), request);
  }

  @Operation(summary = "Read one alert")
  @ApiProblemResponses.Unauthorized
  @ApiProblemResponses.NotFound
  @GetMapping("/{id}")
  @ApiSuccessResponses.Ok
  AlertResponse get(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
    return service.view(id, caller.requireEmail());
  }

  @Operation(
      summary = "Replace an alert",
      description = "Send every field and the version last read; fields left out get defaults.")
  @ApiProblemResponses.Unauthorized
  @ApiProblemResponses.NotFound
  @ApiProblemResponses.Conflict
  @PutMapping("/{id}")
  @ApiSuccessResponses.Ok
  AlertResponse replace(
      @PathVariable UUID id,
      @Validated({Default.class, AlertRequest.Replace.class}) @RequestBody AlertRequest request,
      @Parameter(hidden = true) Caller caller) {
    String owner = caller.requireEmail();
    service.get(id, owner);
    requireOwnAddress(request, owner);
    return service.update(id, owner, request);
  }

  @Operation(
      summary = "Change some fields of an alert",
      description =
          "A JSON merge patch (RFC 7396): fields sent replace the stored ones, null clears an"
              + " optional field, fields left out stay. Include version to refuse a stale change.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = AlertRequest.class),
              examples = @ExampleObject(value = "{\"active\": false, \"version\": 0}")))
  @ApiProblemResponses.Unauthorized
  @ApiProblemResponses.NotFound
  @ApiProblemResponses.Conflict
  @PatchMapping(
      path = "/{id}",
      consumes = {"application/merge-patch+json", "application/json"})
  @ApiSuccessResponses.Ok
  AlertResponse patch(
      @PathVariable UUID id, @RequestBody JsonNode patch, @Parameter(hidden = true) Caller caller) {
    String owner = caller.requireEmail();
    AlertRequest current = service.current(id, owner);
    AlertRequest patched = patcher.apply(current, patch);
    requireOwnAddress(patched, owner);
    return service.update(id, owner, patched);
  }

  @Operation(summary = "Delete an alert")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiProblemResponses.Unauthorized
  @ApiProblemResponses.NotFound
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
    service.delete(id, caller.requireEmail());
  }

  /**
   * An alert stays with the address that confirmed it: moving it to another, unconfirmed, address
   * would send that address email without its consent.
   */
  private static void requireOwnAddress(AlertRequest request, String owner) {
    if (request.email() != null && !request.email().equals(owner)) {
      throw InvalidRequest.field(
          "email", "must be the address you are signed in as (" + owner + ")");
    }
  }

  record Frequencies(@Schema(example = "[2, 10, 30]") List<Integer> frequencies) {}
}
