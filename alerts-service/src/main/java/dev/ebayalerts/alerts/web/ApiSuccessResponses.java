package dev.ebayalerts.alerts.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI descriptions of success responses. Once an operation carries any {@link ApiResponse} (the
 * shared {@link ApiProblemResponses} do), springdoc no longer derives the 200 from the return type:
 * each operation names its success explicitly, so the dashboard's types can be generated.
 */
public final class ApiSuccessResponses {

  private ApiSuccessResponses() {}

  /** 200 whose body is the method's return type. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
  public @interface Ok {}
}
