package dev.ebayalerts.alerts.web;

/** The request needs a session (or the operator API key) and carries none that is valid. */
public class NotSignedIn extends RuntimeException {

  private NotSignedIn() {
    super("Sign in to see and change your alerts");
  }

  public static NotSignedIn now() {
    return new NotSignedIn();
  }
}
