package dev.ebayalerts.alerts.alert;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The client changed an alert from a version that is no longer the current one. */
class AlertVersionConflict extends ErrorResponseException {

  private AlertVersionConflict(ProblemDetail problem) {
    super(HttpStatus.CONFLICT, problem, null);
  }

  static AlertVersionConflict of(Alert current, long sentVersion) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The alert was changed since version "
                + sentVersion
                + " was read; it is now at version "
                + current.getVersion()
                + ". Read it again and reapply your change.");
    problem.setTitle("Alert was modified");
    problem.setProperty("currentVersion", current.getVersion());
    return new AlertVersionConflict(problem);
  }
}
