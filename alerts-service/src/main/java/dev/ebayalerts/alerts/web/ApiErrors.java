package dev.ebayalerts.alerts.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of the API into an RFC 9457 ProblemDetail. Input problems name the offending
 * field in {@code errors}; nothing internal (stack traces, SQL, class names) reaches the client.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> errors.add(new FieldProblem("", error.getDefaultMessage())));
    return badRequest(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            errors.add(
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage()))));
    return badRequest(errors);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        ex instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : ex.getPropertyName();
    Class<?> type = ex.getRequiredType();
    return badRequest(
        List.of(new FieldProblem(field, "must be " + (type == null ? "valid" : kindOf(type)))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLarge tooLarge) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.problem());
      }
      if (cause instanceof JacksonException jackson) {
        return unreadable(jackson);
      }
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is missing: send it as JSON.");
    problem.setTitle("Unreadable request body");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler
  ResponseEntity<Object> on(InvalidRequest ex) {
    return badRequest(ex.errors());
  }

  @ExceptionHandler
  ResponseEntity<Object> on(JacksonException ex) {
    return unreadable(ex);
  }

  @ExceptionHandler
  ResponseEntity<Object> on(BodyTooLarge ex) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ex.problem());
  }

  @ExceptionHandler
  ResponseEntity<Object> on(NotSignedIn ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            "Sign in to see and change your alerts: ask for a sign-in link with POST"
                + " /api/session/link.");
    problem.setTitle("Not signed in");
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
  }

  @ExceptionHandler
  ResponseEntity<Object> on(TooManyRequests ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests. Try again in " + ex.retryAfterSeconds() + " seconds.");
    problem.setTitle("Too many requests");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
        .body(problem);
  }

  @ExceptionHandler
  ResponseEntity<Object> on(OptimisticLockingFailureException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The alert was changed by another request at the same time. Read it again and"
                + " reapply your change.");
    problem.setTitle("Alert was modified");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler
  ResponseEntity<Object> on(Exception ex) {
    log.error("Unexpected error", ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. The request may be retried.");
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  private static ResponseEntity<Object> unreadable(JacksonException ex) {
    if (ex instanceof StreamReadException && !(ex instanceof MismatchedInputException)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "The request body is not valid JSON"
                  + (ex.getLocation() == null
                      ? "."
                      : " (line "
                          + ex.getLocation().getLineNr()
                          + ", column "
                          + ex.getLocation().getColumnNr()
                          + ")."));
      problem.setTitle("Malformed JSON");
      return ResponseEntity.badRequest().body(problem);
    }
    return badRequest(List.of(new FieldProblem(path(ex), describe(ex))));
  }

  private static String describe(JacksonException ex) {
    if (ex instanceof UnrecognizedPropertyException unknown) {
      return "is not a known field; known fields are " + names(unknown.getKnownPropertyIds());
    }
    if (ex instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
      return "must be one of " + names(List.of(format.getTargetType().getEnumConstants()));
    }
    if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> type = mismatch.getTargetType();
      return "must be "
          + (type.isEnum() ? "one of " + names(List.of(type.getEnumConstants())) : kindOf(type));
    }
    return "has a value that cannot be read";
  }

  private static String kindOf(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == java.util.UUID.class) {
      return "a UUID such as 0b6f9c57-1f3e-4a4e-9f7c-3b8e2f1c9d2a";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    return "a JSON object";
  }

  private static String names(Collection<?> values) {
    return values.stream()
        .map(String::valueOf)
        .sorted(Comparator.naturalOrder())
        .collect(Collectors.joining(", "));
  }

  private static String path(JacksonException ex) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : ex.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static ResponseEntity<Object> badRequest(List<FieldProblem> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
    problem.setTitle("Invalid request");
    problem.setProperty(
        "errors",
        errors.stream()
            .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
            .toList());
    return ResponseEntity.badRequest().body(problem);
  }
}
