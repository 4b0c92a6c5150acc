package dev.ebayalerts.ebaymock.browse;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ebayalerts.ebaymock.EbayErrorBody;
import java.util.List;

/** eBay's {@code SearchPagedCollection}, with the fields the mock fills, in eBay's shapes. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record SearchResponse(
    String href,
    int total,
    String next,
    String prev,
    int limit,
    int offset,
    List<Item> itemSummaries,
    Refinement refinement,
    List<EbayErrorBody.Detail> warnings) {

  /** eBay's {@code ItemSummary}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Item(
      String itemId,
      String title,
      List<String> leafCategoryIds,
      List<ItemCategory> categories,
      Image image,
      Amount price,
      Amount currentBidPrice,
      Integer bidCount,
      String itemHref,
      Seller seller,
      MarketingPrice marketingPrice,
      String condition,
      String conditionId,
      List<Image> thumbnailImages,
      List<ShippingOption> shippingOptions,
      List<String> buyingOptions,
      String itemGroupHref,
      String itemGroupType,
      String itemWebUrl,
      ItemLocation itemLocation,
      boolean adultOnly,
      String legacyItemId,
      String itemCreationDate,
      String itemOriginDate,
      String itemEndDate,
      String listingMarketplaceId) {}

  /**
   * eBay's {@code ConvertedAmount}: amounts as strings, e.g. {@code
   * {"value":"19.99","currency":"USD"}}, and for a price converted from the seller's currency also
   * {@code convertedFromValue} and {@code convertedFromCurrency}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Amount(
      String value, String currency, String convertedFromValue, String convertedFromCurrency) {}

  record Image(String imageUrl) {}

  record ItemCategory(String categoryId, String categoryName) {}

  record Seller(String username, String feedbackPercentage, int feedbackScore) {}

  record MarketingPrice(
      Amount originalPrice,
      String discountPercentage,
      Amount discountAmount,
      String priceTreatment) {}

  /** {@code shippingCost} is left out for {@code CALCULATED} shipping, as eBay does. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ShippingOption(String shippingCostType, Amount shippingCost) {}

  /** {@code city} only with {@code fieldgroups=EXTENDED}; the postal code masked. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ItemLocation(String city, String postalCode, String country) {}

  /** eBay's {@code Refinement}, for {@code fieldgroups} with refinements. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Refinement(
      String dominantCategoryId,
      List<CategoryDistribution> categoryDistributions,
      List<ConditionDistribution> conditionDistributions,
      List<BuyingOptionDistribution> buyingOptionDistributions) {}

  record CategoryDistribution(
      String categoryId, String categoryName, int matchCount, String refinementHref) {}

  record ConditionDistribution(
      String condition, String conditionId, int matchCount, String refinementHref) {}

  record BuyingOptionDistribution(String buyingOption, int matchCount, String refinementHref) {}
}
