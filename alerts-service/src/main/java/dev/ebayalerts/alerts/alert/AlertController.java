package dev.ebayalerts.alerts.alert;

import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RestController
@RequestMapping("/api/alerts")
class AlertController {

  private final AlertService service;
  private final AlertPatcher patcher;
  private final AlertSettings settings;

  AlertController(AlertService service, AlertPatcher patcher, AlertSettings settings) {
    this.service = service;
    this.patcher = patcher;
    this.settings = settings;
  }

  @Operation(summary = "List the check frequencies an alert may use, in minutes")
  @GetMapping("/frequencies")
  Frequencies frequencies() {
    return new Frequencies(settings.frequencies());
  }

  @Operation(summary = "Create an alert")
  @ApiResponse(responseCode = "201", description = "Created; Location names the new alert")
  @PostMapping
  ResponseEntity<AlertResponse> create(@Valid @RequestBody AlertRequest request) {
    Alert alert = service.create(request);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .path("/{id}")
            .buildAndExpand(alert.getId())
            .toUri();
    return ResponseEntity.created(location).body(AlertResponse.from(alert));
  }

  @Operation(summary = "List alerts, one page at a time")
  @GetMapping
  AlertPage list(
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
    return AlertPage.from(service.list(PageRequest.of(page, size, order)));
  }

  @Operation(summary = "Read one alert")
  @ApiProblemResponses.NotFound
  @GetMapping("/{id}")
  AlertResponse get(@PathVariable UUID id) {
    return AlertResponse.from(service.get(id));
  }

  @Operation(
      summary = "Replace an alert",
      description = "Send every field and the version last read; fields left out get defaults.")
  @ApiProblemResponses.NotFound
  @ApiProblemResponses.Conflict
  @PutMapping("/{id}")
  AlertResponse replace(
      @PathVariable UUID id,
      @Validated({Default.class, AlertRequest.Replace.class}) @RequestBody AlertRequest request) {
    return AlertResponse.from(service.update(id, request));
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
  @ApiProblemResponses.NotFound
  @ApiProblemResponses.Conflict
  @PatchMapping(
      path = "/{id}",
      consumes = {"application/merge-patch+json", "application/json"})
  AlertResponse patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
    AlertRequest current = AlertRequest.from(service.get(id));
    return AlertResponse.from(service.update(id, patcher.apply(current, patch)));
  }

  @Operation(summary = "Delete an alert")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiProblemResponses.NotFound
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable UUID id) {
    service.delete(id);
  }

  record Frequencies(@Schema(example = "[2, 10, 30]") List<Integer> frequencies) {}
}
