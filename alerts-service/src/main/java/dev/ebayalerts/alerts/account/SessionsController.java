package dev.ebayalerts.alerts.account;

import dev.ebayalerts.alerts.web.ApiDocs;
import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.ApiSuccessResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The address's sessions: see where it is signed in, end one, or sign out everywhere. */
@Tag(name = "Session")
@ApiProblemResponses.BadRequest
@ApiProblemResponses.Unauthorized
@SecurityRequirement(name = ApiDocs.BEARER)
@SecurityRequirement(name = ApiDocs.COOKIE)
@RestController
@RequestMapping("/api/sessions")
class SessionsController {

  private final Sessions sessions;

  SessionsController(Sessions sessions) {
    this.sessions = sessions;
  }

  @Operation(summary = "List your sessions, newest first (current: the one asking)")
  @GetMapping
  @ApiSuccessResponses.Ok
  List<Sessions.SessionView> list(
      @Parameter(hidden = true) Caller caller, HttpServletRequest http) {
    return sessions.list(caller.requireEmail(), http);
  }

  @Operation(summary = "End one of your sessions: its token stops working at once")
  @ApiResponse(
      responseCode = "204",
      description = "Ended",
      content = @Content(schema = @Schema(hidden = true)))
  @ApiProblemResponses.NotFound
  @DeleteMapping("/{id}")
  ResponseEntity<?> end(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
    if (!sessions.revoke(caller.requireEmail(), id)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "You have no session " + id + ".");
      problem.setTitle("Session not found");
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Sign out everywhere: every session of yours ends, this one too")
  @ApiResponse(responseCode = "204", description = "Signed out everywhere")
  @DeleteMapping
  ResponseEntity<Void> endAll(@Parameter(hidden = true) Caller caller) {
    sessions.revokeAll(caller.requireEmail());
    return ResponseEntity.noContent().build();
  }
}
