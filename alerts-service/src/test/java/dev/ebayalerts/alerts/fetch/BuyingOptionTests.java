package dev.ebayalerts.alerts.fetch;

import static dev.ebayalerts.ebay.BuyingOption.AUCTION;
import static dev.ebayalerts.ebay.BuyingOption.BEST_OFFER;
import static dev.ebayalerts.ebay.BuyingOption.CLASSIFIED_AD;
import static dev.ebayalerts.ebay.BuyingOption.FIXED_PRICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** eBay lists a listing's buying options as a set; a notice shows the one that matters most. */
class BuyingOptionTests {

  @Test
  void bestOfferIsShownInsteadOfBeingFoldedIntoFixedPrice() {
    assertThat(EbaySearches.buyingOption(Set.of(FIXED_PRICE, BEST_OFFER))).isEqualTo("BEST_OFFER");
    assertThat(EbaySearches.buyingOption(Set.of(FIXED_PRICE))).isEqualTo("FIXED_PRICE");
    assertThat(EbaySearches.buyingOption(Set.of(AUCTION, BEST_OFFER))).isEqualTo("AUCTION");
    assertThat(EbaySearches.buyingOption(Set.of(AUCTION, FIXED_PRICE))).isEqualTo("AUCTION");
    assertThat(EbaySearches.buyingOption(Set.of(CLASSIFIED_AD))).isEqualTo("CLASSIFIED_AD");
    assertThat(EbaySearches.buyingOption(Set.of())).isEqualTo("FIXED_PRICE");
  }
}
