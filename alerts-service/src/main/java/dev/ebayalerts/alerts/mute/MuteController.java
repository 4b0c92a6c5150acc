package dev.ebayalerts.alerts.mute;

import dev.ebayalerts.alerts.account.Caller;
import dev.ebayalerts.alerts.alert.AlertControl;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in address's mutes, and the filters they suggest. */
@RestController
@RequestMapping("/api")
@Tag(name = "Mutes", description = "Listings, sellers and words not to show again")
@ApiProblemResponses.BadRequest
@ApiProblemResponses.Unauthorized
class MuteController {

  private final MuteService service;
  private final Mutes mutes;
  private final AlertControl alerts;

  MuteController(MuteService service, Mutes mutes, AlertControl alerts) {
    this.service = service;
    this.mutes = mutes;
    this.alerts = alerts;
  }

  record MuteRequest(
      @Schema(description = "The alert; null mutes a seller or word for all the address's alerts")
          UUID alertId,
      @NotNull(message = "must be one of LISTING, SELLER, WORD") MuteKind kind,
      @Schema(example = "gadget_hub", description = "Item id, seller's user name, or the word")
          @NotNull(message = "must be given")
          @Size(max = 300, message = "must be at most 300 characters")
          String value) {}

  @GetMapping("/mutes")
  @Operation(summary = "The address's mutes, newest first")
  @ApiSuccessResponses.Ok
  List<Mute> list(@Parameter(hidden = true) Caller caller) {
    return mutes.of(caller.requireEmail());
  }

  @PostMapping("/mutes")
  @Operation(
      summary = "Mute a listing, a seller or a word",
      description =
          "A listing for its alert; a seller or a word for one alert or (alertId null) all the"
              + " address's alerts. Muted listings never reach any channel or feed again."
              + " Muting again answers the existing mute with 200.")
  @ApiResponse(responseCode = "201", description = "Muted", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "Already muted", useReturnTypeSchema = true)
  ResponseEntity<Mute> mute(
      @Parameter(hidden = true) Caller caller, @Valid @RequestBody MuteRequest request) {
    Mutes.Added added =
        service.mute(caller.requireEmail(), request.alertId(), request.kind(), request.value());
    return ResponseEntity.status(added.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(added.mute());
  }

  @DeleteMapping("/mutes/{id}")
  @Operation(summary = "Undo a mute")
  @ApiProblemResponses.NotFound
  @ApiResponse(responseCode = "204", description = "Unmuted")
  ResponseEntity<Void> undo(@Parameter(hidden = true) Caller caller, @PathVariable UUID id) {
    if (!mutes.delete(caller.requireEmail(), id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mute with this id");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/alerts/{id}/mute-suggestions")
  @Operation(
      summary = "Filters the alert's mutes suggest",
      description =
          "When several muted listings share a word, seller or category: the value, how many"
              + " mutes share it, and the alert field to add it to (PATCH the alert).")
  @ApiProblemResponses.NotFound
  @ApiSuccessResponses.Ok
  MuteSuggestions.Suggestions suggestions(
      @Parameter(hidden = true) Caller caller,
      @Parameter(description = "The alert") @PathVariable UUID id) {
    AlertControl.Owned alert = alerts.owned(id, caller.requireEmail());
    return MuteSuggestions.of(alert, mutes.ofAlert(id, alert.email()));
  }
}
