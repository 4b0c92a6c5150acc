package dev.ebayalerts.alerts.web;

import java.util.List;

/**
 * A request that is well-formed but asks for something invalid, with one error per offending field.
 * Rendered as a 400 ProblemDetail in the same shape as bean validation failures.
 */
public class InvalidRequest extends RuntimeException {

  private final List<FieldProblem> errors;

  private InvalidRequest(List<FieldProblem> errors) {
    super("Invalid request: " + errors);
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequest of(List<FieldProblem> errors) {
    return new InvalidRequest(errors);
  }

  public static InvalidRequest field(String field, String message) {
    return new InvalidRequest(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
