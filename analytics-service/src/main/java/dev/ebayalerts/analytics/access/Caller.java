package dev.ebayalerts.analytics.access;

/**
 * Who is reading: a person signed in (by alerts-service) as {@code email}, or the operator (API
 * key). Controllers take it as a parameter; a request with neither a valid session nor the operator
 * key never reaches them (401).
 */
public record Caller(String email, boolean operator) {

  static Caller operatorKey() {
    return new Caller(null, true);
  }

  static Caller signedIn(String email) {
    return new Caller(email, false);
  }

  /** Whether this caller may read what belongs to {@code owner}: the owner or the operator. */
  public boolean mayRead(String owner) {
    return operator || (email != null && email.equalsIgnoreCase(owner));
  }
}
