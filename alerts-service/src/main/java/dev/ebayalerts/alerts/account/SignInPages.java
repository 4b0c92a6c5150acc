package dev.ebayalerts.alerts.account;

import dev.ebayalerts.alerts.web.HtmlPages;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages the links in emails open: sign in, and confirm an address. GET only shows a button that
 * POSTs: mail scanners follow links, and must neither use up a single-use sign-in link nor confirm
 * an address on its owner's behalf.
 */
@Hidden
@RestController
class SignInPages {

  private final SignInLinks signInLinks;
  private final Sessions sessions;
  private final Origins origins;
  private final SignedTokens tokens;
  private final Subscribers subscribers;
  private final ManageLinks links;
  private final Clock clock;

  SignInPages(
      SignInLinks signInLinks,
      Sessions sessions,
      Origins origins,
      SignedTokens tokens,
      Subscribers subscribers,
      ManageLinks links,
      Clock clock) {
    this.signInLinks = signInLinks;
    this.sessions = sessions;
    this.origins = origins;
    this.tokens = tokens;
    this.subscribers = subscribers;
    this.links = links;
    this.clock = clock;
  }

  @GetMapping("/signin")
  ResponseEntity<String> signInPage(@RequestParam(required = false) String token) {
    if (token == null || token.isBlank()) {
      return page(
          HttpStatus.OK,
          "Sign in",
          "Ask for a sign-in link: POST /api/session/link with {\"email\": \"you@example.com\"},"
              + " e.g. from the API page at /swagger-ui/index.html.");
    }
    return button("Sign in", "Sign in to manage your eBay alerts.", "/signin", token);
  }

  @PostMapping("/signin")
  ResponseEntity<String> signIn(
      @RequestParam(required = false) String token, HttpServletRequest request) {
    if (!origins.sameSite(request)) {
      // Login CSRF: another site's form would sign this browser in as whoever owns the token.
      return page(
          HttpStatus.FORBIDDEN,
          "Not signed in",
          "This sign-in was sent from another site. Open the link from your email again.");
    }
    return signInLinks
        .redeem(token)
        .map(
            email -> {
              Sessions.Session session = sessions.start(email, request);
              return ResponseEntity.ok()
                  .header(HttpHeaders.SET_COOKIE, sessions.cookie(session, request).toString())
                  .contentType(MediaType.TEXT_HTML)
                  .body(
                      html(
                          "Signed in",
                          "You are signed in as "
                              + email
                              + ". Your alerts: /api/alerts (this browser keeps the session)."));
            })
        .orElseGet(
            () ->
                page(
                    HttpStatus.BAD_REQUEST,
                    "Link not valid",
                    "This sign-in link expired or was used already. Ask for a new one."));
  }

  @GetMapping("/confirm")
  ResponseEntity<String> confirmPage(@RequestParam(required = false) String token) {
    if (tokens.verify(SignedTokens.CONFIRM, token, clock.instant()).isEmpty()) {
      return invalidConfirmation();
    }
    return button(
        "Confirm your address", "Confirm to start receiving alert emails.", "/confirm", token);
  }

  @PostMapping("/confirm")
  ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
    return tokens
        .verify(SignedTokens.CONFIRM, token, clock.instant())
        .map(
            email -> {
              subscribers.confirm(email, clock.instant());
              // The next step for someone who just arrived: their alerts, in the dashboard.
              return ResponseEntity.ok()
                  .contentType(MediaType.TEXT_HTML)
                  .body(
                      html(
                              "Address confirmed",
                              email + " is confirmed: alert emails will arrive from now on.")
                          .replace(
                              "</body>",
                              HtmlPages.dashboardLink(links.dashboardUrl()) + "</body>"));
            })
        .orElseGet(SignInPages::invalidConfirmation);
  }

  private static ResponseEntity<String> invalidConfirmation() {
    return page(
        HttpStatus.BAD_REQUEST,
        "Link not valid",
        "This confirmation link is not valid or expired. Create an alert again, or sign in, to"
            + " confirm your address.");
  }

  private static ResponseEntity<String> button(
      String title, String text, String action, String token) {
    String form =
        "<form method=\"post\" action=\""
            + action
            + "\"><input type=\"hidden\" name=\"token\" value=\""
            + HtmlUtils.htmlEscape(token)
            + "\"><button type=\"submit\">"
            + HtmlUtils.htmlEscape(title)
            + "</button></form>";
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .body(html(title, text).replace("</body>", form + "</body>"));
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html(title, text));
  }

  private static String html(String title, String text) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>"
        + HtmlUtils.htmlEscape(title)
        + "</title></head><body><h1>"
        + HtmlUtils.htmlEscape(title)
        + "</h1><p>"
        + HtmlUtils.htmlEscape(text)
        + "</p></body></html>";
  }
}
