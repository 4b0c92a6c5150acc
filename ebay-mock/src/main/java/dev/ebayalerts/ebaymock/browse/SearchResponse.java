package dev.ebayalerts.ebaymock.browse;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ebayalerts.ebaymock.EbayErrorBody;
import java.util.List;

/** eBay's {@code SearchPagedCollection}, with the fields the mock fills. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record SearchResponse(
    String href,
    int total,
    String next,
    String prev,
    int limit,
    int offset,
    List<Item> itemSummaries,
    List<EbayErrorBody.Detail> warnings) {

  /** eBay's {@code ItemSummary}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(
      String itemId,
      String legacyItemId,
      String title,
      Image image,
      List<Image> thumbnailImages,
      Amount price,
      Amount currentBidPrice,
      Integer bidCount,
      MarketingPrice marketingPrice,
      String itemHref,
      String itemWebUrl,
      Seller seller,
      String condition,
      String conditionId,
      List<String> buyingOptions,
      List<ShippingOption> shippingOptions,
      String itemCreationDate,
      String itemOriginDate,
      String itemEndDate,
      boolean adultOnly) {

    Item withoutPrices() {
      return new Item(
          itemId,
          legacyItemId,
          title,
          image,
          thumbnailImages,
          null,
          null,
          bidCount,
          null,
          itemHref,
          itemWebUrl,
          seller,
          condition,
          conditionId,
          buyingOptions,
          shippingOptions,
          itemCreationDate,
          itemOriginDate,
          itemEndDate,
          adultOnly);
    }

    Item withoutImages() {
      return new Item(
          itemId,
          legacyItemId,
          title,
          null,
          null,
          price,
          currentBidPrice,
          bidCount,
          marketingPrice,
          itemHref,
          itemWebUrl,
          seller,
          condition,
          conditionId,
          buyingOptions,
          shippingOptions,
          itemCreationDate,
          itemOriginDate,
          itemEndDate,
          adultOnly);
    }
  }

  /** eBay sends amounts as strings, e.g. {@code {"value":"19.99","currency":"USD"}}. */
  record Amount(String value, String currency) {}

  record Image(String imageUrl) {}

  record Seller(String username, String feedbackPercentage, int feedbackScore) {}

  record MarketingPrice(
      Amount originalPrice,
      String discountPercentage,
      Amount discountAmount,
      String priceTreatment) {}

  record ShippingOption(String shippingCostType, Amount shippingCost) {}
}
