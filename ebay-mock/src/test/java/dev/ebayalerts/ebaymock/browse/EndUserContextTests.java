package dev.ebayalerts.ebaymock.browse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndUserContextTests {

  @Test
  void readsTheCountryOfEbaysEncodedContextualLocation() {
    assertThat(EndUserContext.country("contextualLocation=country%3DUS%2Czip%3D19406"))
        .contains("US");
    assertThat(
            EndUserContext.country(
                "affiliateCampaignId=1234,affiliateReferenceId=x,"
                    + "contextualLocation=country%3DDE%2Czip%3D10115"))
        .contains("DE");
  }

  @Test
  void readsAnUnencodedLocationToo() {
    assertThat(EndUserContext.country("contextualLocation=country=GB,zip=SW1A1AA")).contains("GB");
  }

  @Test
  void ignoresHeadersWithoutAUsableCountry() {
    assertThat(EndUserContext.country(null)).isEmpty();
    assertThat(EndUserContext.country("affiliateCampaignId=1234")).isEmpty();
    assertThat(EndUserContext.country("contextualLocation=country%3Dusa")).isEmpty();
    assertThat(EndUserContext.country("contextualLocation=%zz")).isEmpty();
  }
}
