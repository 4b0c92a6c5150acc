package dev.ebayalerts.alerts.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request body beyond {@link ApiSettings#maxBodySize()}: refused before it is parsed. */
class BodyTooLarge extends IOException {

  private final long limit;

  BodyTooLarge(long limit) {
    super("Request body larger than " + limit + " bytes");
    this.limit = limit;
  }

  ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE,
            "The request body is larger than the " + limit + " bytes an alert can need.");
    problem.setTitle("Request body too large");
    return problem;
  }
}
