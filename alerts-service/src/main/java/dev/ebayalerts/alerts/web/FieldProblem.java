package dev.ebayalerts.alerts.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One offending field of a rejected request, listed in the {@code errors} property of the
 * ProblemDetail.
 *
 * @param field the field or parameter, as a JSON path such as {@code excludeWords[1]}
 * @param message what is wrong with it, phrased so that a person can fix it
 */
@Schema(description = "One offending field of a rejected request")
public record FieldProblem(
    @Schema(example = "searchPhrase") String field,
    @Schema(example = "must not be blank: give the words to search eBay for") String message) {}
