package dev.ebayalerts.analytics.access;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request carries neither a valid session nor the operator key: 401, a bearer challenge. */
final class NotSignedIn extends ErrorResponseException {

  private NotSignedIn(ProblemDetail problem) {
    super(HttpStatus.UNAUTHORIZED, problem, null);
    getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  static NotSignedIn now() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            "Sign in to see your alerts' insights: a session from alerts-service (cookie"
                + " alerts_session or Authorization: Bearer) or the operator's X-API-Key.");
    problem.setTitle("Not signed in");
    return new NotSignedIn(problem);
  }
}
