package dev.ebayalerts.alerts.account;

import dev.ebayalerts.alerts.web.NotSignedIn;
import java.util.Optional;

/**
 * Who is calling the API: a person signed in as {@code email}, the operator (API key), or nobody.
 * Controllers take it as a parameter; it is resolved from the session cookie, a bearer token or the
 * {@code X-API-Key} header.
 */
public record Caller(String email, boolean operator) {

  static final Caller ANONYMOUS = new Caller(null, false);

  public Optional<String> sessionEmail() {
    return Optional.ofNullable(email);
  }

  /** The signed-in address; {@link NotSignedIn} (401) without a session. */
  public String requireEmail() {
    if (email == null) {
      throw NotSignedIn.now();
    }
    return email;
  }
}
