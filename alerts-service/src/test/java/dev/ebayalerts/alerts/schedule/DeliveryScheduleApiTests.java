package dev.ebayalerts.alerts.schedule;

import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The delivery schedule through the API, as the dashboard reads and writes it. */
@IntegrationTest
class DeliveryScheduleApiTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;

  RestTestClient owner;

  @BeforeEach
  void signIn() {
    String email = "schedule-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    owner = Sessions.signedIn(http, signInLinks, email);
  }

  RestTestClient.ResponseSpec put(String body) {
    return owner
        .put()
        .uri("/api/delivery-schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange();
  }

  @Test
  void anAddressThatNeverChoseGetsInstantInUtc() {
    owner
        .get()
        .uri("/api/delivery-schedule")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"mode":"INSTANT","dailyAt":null,"timeZone":"UTC",
             "alwaysInstant":["TARGET_PRICE","ENDING_SOON"]}""",
            org.springframework.test.json.JsonCompareMode.STRICT);
  }

  @Test
  void eachModeIsStoredAndReadBack() {
    put("""
            {"mode":"DAILY","dailyAt":"08:00","timeZone":"Europe/Berlin",
             "alwaysInstant":["TARGET_PRICE","ENDING_SOON"]}""")
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"mode":"DAILY","dailyAt":"08:00","timeZone":"Europe/Berlin",
             "alwaysInstant":["TARGET_PRICE","ENDING_SOON"]}""",
            org.springframework.test.json.JsonCompareMode.STRICT);

    // dailyAt is cleared when not DAILY
    put("""
            {"mode":"HOURLY","dailyAt":"08:00","timeZone":"America/New_York",
             "alwaysInstant":["ENDING_SOON"]}""")
        .expectStatus()
        .isOk();
    owner
        .get()
        .uri("/api/delivery-schedule")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"mode":"HOURLY","dailyAt":null,"timeZone":"America/New_York",
             "alwaysInstant":["ENDING_SOON"]}""",
            org.springframework.test.json.JsonCompareMode.STRICT);

    put("{\"mode\":\"INSTANT\",\"dailyAt\":null,\"timeZone\":\"UTC\",\"alwaysInstant\":[]}")
        .expectStatus()
        .isOk()
        .expectBody()
        .json(
            """
            {"mode":"INSTANT","dailyAt":null,"timeZone":"UTC","alwaysInstant":[]}""",
            org.springframework.test.json.JsonCompareMode.STRICT);
  }

  @Test
  void dailyNeedsItsLocalTime() {
    put("{\"mode\":\"DAILY\",\"dailyAt\":null,\"timeZone\":\"UTC\",\"alwaysInstant\":[]}")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("dailyAt"));
    put("{\"mode\":\"DAILY\",\"dailyAt\":\"25:00\",\"timeZone\":\"UTC\",\"alwaysInstant\":[]}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("dailyAt"));
  }

  @Test
  void timeZoneMustBeAnIanaZone() {
    for (String zone : List.of("Mars/Olympus", "+02:00", "")) {
      put("{\"mode\":\"HOURLY\",\"timeZone\":\"" + zone + "\"}")
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.errors[*].field")
          .isEqualTo(List.of("timeZone"));
    }
  }

  @Test
  void onlyTargetPriceAndEndingSoonMayBeAlwaysInstant() {
    put("""
            {"mode":"HOURLY","timeZone":"UTC","alwaysInstant":["NEW_LISTING"]}""")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("alwaysInstant"));
  }

  @Test
  void modeIsRequiredAndOneOfThree() {
    put("{\"timeZone\":\"UTC\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("mode"));
    put("{\"mode\":\"WEEKLY\",\"timeZone\":\"UTC\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("mode"));
  }

  @Test
  void needsASession() {
    http.get().uri("/api/delivery-schedule").exchange().expectStatus().isUnauthorized();
    http.put()
        .uri("/api/delivery-schedule")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"mode\":\"INSTANT\",\"timeZone\":\"UTC\"}")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }
}
