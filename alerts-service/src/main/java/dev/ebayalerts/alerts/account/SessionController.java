package dev.ebayalerts.alerts.account;

import dev.ebayalerts.alerts.web.ApiProblemResponses;
import dev.ebayalerts.alerts.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Session", description = "Sign in by a link sent to your address")
@ApiProblemResponses.BadRequest
@RestController
@RequestMapping("/api/session")
class SessionController {

  private final SignInLinks signInLinks;
  private final Sessions sessions;
  private final AccountMails mails;
  private final ManageLinks links;
  private final RateLimiter limits;
  private final Usage usage;

  SessionController(
      SignInLinks signInLinks,
      Sessions sessions,
      AccountMails mails,
      ManageLinks links,
      RateLimiter limits,
      Usage usage) {
    this.usage = usage;
    this.signInLinks = signInLinks;
    this.sessions = sessions;
    this.mails = mails;
    this.links = links;
    this.limits = limits;
  }

  @Operation(
      summary = "Email a sign-in link",
      description =
          "Always answers 202, whether or not the address has alerts. The link works once, for"
              + " 15 minutes.")
  @ApiResponse(responseCode = "202", description = "A link is on its way")
  @ApiProblemResponses.TooManyRequests
  @PostMapping("/link")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void sendLink(@Valid @RequestBody LinkRequest request, HttpServletRequest http) {
    limits.signInLink(http.getRemoteAddr(), request.email());
    mails.sendSignInLink(request.email(), links.signInUrl(signInLinks.create(request.email())));
  }

  @Operation(
      summary = "Exchange a sign-in token for a session",
      description =
          "Answers a bearer token and sets the same token as an HTTP-only session cookie."
              + " Signing in also confirms the address.")
  @ApiResponse(responseCode = "200", description = "Signed in")
  @PostMapping
  ResponseEntity<SessionResponse> signIn(
      @Valid @RequestBody SignInRequest request, HttpServletRequest http) {
    String email =
        signInLinks
            .redeem(request.token())
            .orElseThrow(
                () ->
                    InvalidRequest.field(
                        "token", "is not a valid sign-in link: it expired or was used already"));
    Sessions.Session session = sessions.start(email, http);
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, sessions.cookie(session, http).toString())
        .body(new SessionResponse(session.token(), session.email(), session.expiresAt()));
  }

  @Operation(
      summary = "Who is signed in",
      description = "The address of the session (cookie or bearer token); 401 without one.")
  @ApiResponse(responseCode = "200", description = "Signed in")
  @ApiProblemResponses.Unauthorized
  @GetMapping
  CurrentSession current(@Parameter(hidden = true) Caller caller) {
    String email = caller.requireEmail();
    return new CurrentSession(email, usage.of(email));
  }

  @Operation(summary = "Sign out: end this session and forget its cookie")
  @ApiResponse(responseCode = "204", description = "Signed out")
  @DeleteMapping
  ResponseEntity<Void> signOut(HttpServletRequest http) {
    sessions.end(http);
    return ResponseEntity.noContent()
        .header(HttpHeaders.SET_COOKIE, sessions.expiredCookie(http).toString())
        .build();
  }

  // Named apart from the search-link LinkRequest: OpenAPI names schemas by simple class name.
  @Schema(name = "SignInLinkRequest")
  record LinkRequest(
      @Schema(example = "jane@example.com")
          @NotBlank(message = "must not be blank")
          @Email(
              regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
              message = "must be an email address such as jane@example.com")
          @Size(max = 254, message = "must be at most 254 characters")
          String email) {
    LinkRequest {
      email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
  }

  record SignInRequest(
      @Schema(description = "The token of the sign-in link")
          @NotBlank(message = "must not be blank")
          String token) {}

  record CurrentSession(
      @Schema(example = "jane@example.com") String email,
      @Schema(
              description =
                  "What the address uses of what it may: alerts, different searches, and eBay"
                      + " calls made for its searches today (UTC)")
          Usage.Limits limits) {}

  record SessionResponse(
      @Schema(description = "Send as `Authorization: Bearer <token>`") String token,
      String email,
      Instant expiresAt) {}
}
