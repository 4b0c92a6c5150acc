package dev.ebayalerts.alerts.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/** OpenAPI descriptions of the error responses every endpoint of the API shares. */
public final class ApiProblemResponses {

  private ApiProblemResponses() {}

  /** 400 with one entry per offending field. */
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "400",
      description = "Invalid input: one entry per offending field in `errors`",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"type":"about:blank","title":"Invalid request","status":400,
                           "detail":"2 fields are invalid.","instance":"/api/alerts",
                           "errors":[{"field":"searchPhrase","message":"must not be blank: give the words to search eBay for"},
                                     {"field":"frequencyMinutes","message":"must be one of 2, 10, 30 (minutes)"}]}""")))
  public @interface BadRequest {}

  /** 404: no alert with this id. */
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "404",
      description = "No alert with this id",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"type":"about:blank","title":"Alert not found","status":404,
                           "detail":"No alert with id 0b6f9c57-1f3e-4a4e-9f7c-3b8e2f1c9d2a.",
                           "instance":"/api/alerts/0b6f9c57-1f3e-4a4e-9f7c-3b8e2f1c9d2a"}""")))
  public @interface NotFound {}

  /** 409: the alert changed since the client read it. */
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "409",
      description = "The alert was changed since the sent version was read",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"type":"about:blank","title":"Alert was modified","status":409,
                           "detail":"The alert was changed since version 2 was read; it is now at version 3. Read it again and reapply your change.",
                           "currentVersion":3}""")))
  public @interface Conflict {}

  /** 401: no valid session. */
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "401",
      description = "No valid session: sign in first",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  public @interface Unauthorized {}

  /** 429: a rate limit was reached; Retry-After says when to try again. */
  @Target({ElementType.METHOD, ElementType.TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "429",
      description = "Too many requests from this address or IP; see the Retry-After header",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(implementation = ProblemDetail.class)))
  public @interface TooManyRequests {}
}
