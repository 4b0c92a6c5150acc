package dev.ebayalerts.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.support.IntegrationTest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Every rule of an alert is enforced with a ProblemDetail naming the field, and nothing stored. */
@IntegrationTest
class AlertValidationTests {

  private static final String VALID =
      "\"email\":\"jane@example.com\",\"searchPhrase\":\"camera\",\"frequencyMinutes\":10";

  @Autowired RestTestClient http;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyDatabase() {
    jdbc.update("delete from delivery");
    jdbc.update("delete from alert");
  }

  static Stream<Arguments> invalidAlerts() {
    return Stream.of(
        invalid(
            "{\"searchPhrase\":\"camera\",\"frequencyMinutes\":10}", "email", "must not be blank"),
        invalid(with("\"email\":\"not-an-address\""), "email", "must be an email address"),
        invalid(with("\"email\":\"jane@localhost\""), "email", "must be an email address"),
        invalid(
            with("\"email\":\"" + "a".repeat(250) + "@example.com\""),
            "email",
            "must be at most 254 characters"),
        invalid(with("\"searchPhrase\":\"   \""), "searchPhrase", "must not be blank"),
        invalid(with("\"searchPhrase\":null"), "searchPhrase", "must not be blank"),
        invalid(
            with("\"searchPhrase\":\"" + "x".repeat(101) + "\""),
            "searchPhrase",
            "must be at most 100 characters"),
        invalid(with("\"frequencyMinutes\":5"), "frequencyMinutes", "must be one of 2, 10, 30"),
        invalid(with("\"frequencyMinutes\":null"), "frequencyMinutes", "must be given"),
        invalid(with("\"minPrice\":-1"), "minPrice", "must be zero or more"),
        invalid(with("\"maxPrice\":-0.01"), "maxPrice", "must be zero or more"),
        invalid(with("\"minPrice\":1.005"), "minPrice", "at most 2 decimals"),
        invalid(
            with("\"minPrice\":50,\"maxPrice\":10"),
            "maxPrice",
            "must be greater than or equal to minPrice"),
        invalid(with("\"currency\":\"DOLLARS\""), "currency", "3-letter ISO 4217"),
        invalid(
            with("\"excludeWords\":[\"ok\",\"two words\"]"), "excludeWords[1]", "without spaces"),
        invalid(with("\"excludeWords\":[\" \"]"), "excludeWords[0]", "blank words"),
        invalid(
            with(
                "\"excludeWords\":["
                    + IntStream.rangeClosed(0, 20)
                        .mapToObj(i -> "\"w" + i + "\"")
                        .collect(Collectors.joining(","))
                    + "]"),
            "excludeWords",
            "at most 20 words"),
        invalid(with("\"frequencyMinutes\":\"ten\""), "frequencyMinutes", "a whole number"),
        // Nothing is silently changed into what the client did not send.
        invalid(with("\"frequencyMinutes\":10.5"), "frequencyMinutes", "a whole number"),
        invalid(with("\"frequencyMinutes\":\"10\""), "frequencyMinutes", "a whole number"),
        invalid(with("\"frequencyMinutes\":[10]"), "frequencyMinutes", "a whole number"),
        invalid(with("\"maxPrice\":\"300\""), "maxPrice", "a number"),
        invalid(with("\"active\":1"), "active", "true or false"),
        invalid(with("\"active\":\"true\""), "active", "true or false"),
        invalid(with("\"searchPhrase\":42"), "searchPhrase", "a string"),
        invalid(with("\"minPrice\":\"cheap\""), "minPrice", "a number"),
        invalid(with("\"active\":\"maybe\""), "active", "true or false"),
        invalid(with("\"condition\":\"MINT\""), "condition", "must be one of ANY, NEW, USED"),
        invalid(
            with("\"buyingOption\":\"CHEAPEST\""),
            "buyingOption",
            "must be one of ANY, AUCTION, BEST_OFFER, FIXED_PRICE"),
        invalid(with("\"currency\":\"EUR\""), "currency", "must be USD, the currency of EBAY_US"),
        invalid(
            with("\"marketplace\":\"EBAY_DE\",\"currency\":\"USD\""),
            "currency",
            "must be EUR, the currency of EBAY_DE"),
        invalid(with("\"marketplace\":\"EBAY_XX\""), "marketplace", "must be one of EBAY_AU"),
        invalid(with("\"priceBasis\":\"SHIPPING\""), "priceBasis", "must be one of ITEM, TOTAL"),
        invalid(with("\"shipToPostalCode\":\"10001\""), "shipToCountry", "with shipToPostalCode"),
        invalid(with("\"shipToCountry\":\"usa\""), "shipToCountry", "2-letter ISO 3166"),
        invalid(
            with("\"shipToCountry\":\"US\",\"shipToPostalCode\":\"<script>\""),
            "shipToPostalCode",
            "must be a postal code"),
        invalid(with("\"itemLocationCountry\":\"Germany\""), "itemLocationCountry", "2-letter"),
        invalid(with("\"minBids\":5,\"maxBids\":2"), "maxBids", "greater than or equal to minBids"),
        invalid(with("\"minBids\":-1"), "minBids", "must be zero or more"),
        invalid(
            with("\"minBids\":1,\"buyingOption\":\"FIXED_PRICE\""),
            "minBids",
            "unless auctions are wanted"),
        invalid(with("\"categoryIds\":[\"abc\"]"), "categoryIds[0]", "eBay category ids"),
        invalid(
            with(
                "\"categoryIds\":["
                    + IntStream.rangeClosed(1, 11)
                        .mapToObj(i -> "\"" + i + "\"")
                        .collect(Collectors.joining(","))
                    + "]"),
            "categoryIds",
            "at most 10 categories"),
        invalid(with("\"excludedCategoryIds\":[\"0\"]"), "excludedCategoryIds[0]", "digits"),
        invalid(with("\"sellers\":[\"two words\"]"), "sellers[0]", "eBay user names"),
        invalid(
            with("\"sellers\":[\"Gadget_Hub\"],\"excludedSellers\":[\"gadget_hub\"]"),
            "excludedSellers",
            "must not hold a seller that sellers asks for"),
        invalid(
            with("\"minSellerFeedbackPercent\":100.5"),
            "minSellerFeedbackPercent",
            "between 0 and 100"),
        invalid(with("\"minSellerFeedbackScore\":-3"), "minSellerFeedbackScore", "zero or more"),
        invalid(with("\"excludeWords\":\"broken\""), "excludeWords", "an array"),
        invalid(with("\"frequency\":10"), "frequency", "is not a known field"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalidAlerts")
  void rejectsInvalidAlertNamingTheField(String json, String field, String message) {
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errors[*].field")
        .value(List.class, fields -> assertThat(fields).isNotEmpty().containsOnly(field))
        .jsonPath("$.errors[*].message")
        .value(
            List.class,
            texts -> assertThat(texts).anyMatch(text -> text.toString().contains(message)));
    assertThat(jdbc.queryForObject("select count(*) from alert", Integer.class)).isZero();
  }

  @Test
  void listsEveryOffendingFieldAtOnce() {
    post("{\"email\":\"nope\",\"searchPhrase\":\"\",\"frequencyMinutes\":3}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("3 fields are invalid.")
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("email", "frequencyMinutes", "searchPhrase"));
  }

  @Test
  void acceptsTheLongestSearchPhraseEbayHonours() {
    // without a session: accepted, to start once its owner confirms
    post(with("\"searchPhrase\":\"" + "x".repeat(100) + "\"")).expectStatus().isAccepted();
  }

  @Test
  void malformedJsonIsABadRequestWithoutInternals() {
    post("{\"email\": \"jane@example.com\",")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Malformed JSON")
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).doesNotContain("jackson", "Exception"));
  }

  @Test
  void bodyThatIsNotAnObjectIsABadRequest() {
    post("[1,2,3]").expectStatus().isBadRequest();
    post("\"text\"").expectStatus().isBadRequest();
  }

  @Test
  void missingBodyIsABadRequest() {
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("The request body is missing: send it as JSON.");
  }

  @Test
  void oversizedBodyIsRefusedBeforeParsing() {
    post(with("\"searchPhrase\":\"" + "x".repeat(20_000) + "\""))
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Request body too large");
  }

  @Test
  void unsupportedMediaTypeIsAProblem() {
    http.post()
        .uri("/api/alerts")
        .contentType(MediaType.TEXT_PLAIN)
        .body("camera")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private RestTestClient.ResponseSpec post(String json) {
    return http.post()
        .uri("/api/alerts")
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .exchange();
  }

  private static String with(String override) {
    String key = override.substring(0, override.indexOf(':'));
    String rest =
        java.util.Arrays.stream(VALID.split(","))
            .filter(part -> !part.startsWith(key))
            .reduce((a, b) -> a + "," + b)
            .orElse("");
    return "{" + rest + "," + override + "}";
  }

  private static Arguments invalid(String json, String field, String message) {
    return Arguments.of(json, field, message);
  }
}
