package dev.ebayalerts.alerts.alert;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No alert has this id. */
class AlertNotFound extends ErrorResponseException {

  private AlertNotFound(UUID id) {
    super(HttpStatus.NOT_FOUND, problem(id), null);
  }

  static AlertNotFound withId(UUID id) {
    return new AlertNotFound(id);
  }

  private static ProblemDetail problem(UUID id) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No alert with id " + id + ".");
    problem.setTitle("Alert not found");
    return problem;
  }
}
