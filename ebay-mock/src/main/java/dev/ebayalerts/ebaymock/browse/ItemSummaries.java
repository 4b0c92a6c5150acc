package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.images.Thumbnails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes matches as eBay's item summaries for one search answer: prices in the site's currency
 * (with the seller's own amount in {@code convertedFromValue} when converted), links on the site's
 * host, shipping to the buyer, and picture links to the mock's own {@code /images/}.
 *
 * @param apiBase where clients reach the mock's API, for {@code itemHref} and {@code itemGroupHref}
 * @param imageBase where browsers reach the mock, for picture links
 * @param extended whether {@code fieldgroups=EXTENDED} asked for {@code itemLocation.city}
 */
record ItemSummaries(String apiBase, String imageBase, Marketplace site, boolean extended) {

  static final DateTimeFormatter EBAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  static final String ITEM_GROUP_TYPE = "SELLER_DEFINED_VARIATIONS";

  SearchResponse.Item of(Match match) {
    Listing listing = match.listing();
    ListingState state = match.state();
    ExchangeRates.Conversion conversion = match.conversion();
    boolean pictures = listing.hasImage();
    String start = EBAY_TIME.format(listing.start());
    Seller seller = listing.seller();
    return new SearchResponse.Item(
        match.itemId(),
        match.title(),
        List.of(listing.category().id()),
        listing.category().path().stream()
            .map(c -> new SearchResponse.ItemCategory(c.id(), c.name()))
            .toList(),
        pictures ? image(listing, match.title(), Thumbnails.IMAGE_SIZE) : null,
        state.fixedPrice() == null ? null : amount(state.fixedPrice(), conversion),
        state.currentBid() == null ? null : amount(state.currentBid(), conversion),
        listing.isAuction() ? state.bidCount() : null,
        UriComponentsBuilder.fromUriString(apiBase)
            .path("/buy/browse/v1/item/{id}")
            .buildAndExpand(match.itemId())
            .encode()
            .toUriString(),
        new SearchResponse.Seller(
            seller.username(), seller.feedbackPercentage(), seller.feedbackScore()),
        marketingPrice(state, conversion),
        listing.condition().label(),
        listing.condition().id(),
        pictures ? List.of(image(listing, match.title(), Thumbnails.THUMBNAIL_SIZE)) : null,
        match.shipping() == null ? null : List.of(shippingOption(match.shipping(), conversion)),
        state.buyingOptions().stream().map(Enum::name).toList(),
        listing.isGroup()
            ? apiBase
                + "/buy/browse/v1/item/get_items_by_item_group?item_group_id="
                + listing.legacyItemId()
            : null,
        listing.isGroup() ? ITEM_GROUP_TYPE : null,
        "https://"
            + site.host()
            + "/itm/"
            + listing.legacyItemId()
            + (listing.isGroup() ? "?var=" + match.variant().variationId() : ""),
        new SearchResponse.ItemLocation(
            extended ? seller.city() : null, seller.postalCode(), seller.country()),
        false,
        String.valueOf(listing.legacyItemId()),
        start,
        start,
        listing.isAuction() ? EBAY_TIME.format(listing.end()) : null,
        seller.home().name());
  }

  private SearchResponse.Image image(Listing listing, String title, int size) {
    return new SearchResponse.Image(imageBase + Thumbnails.path(listing.seed(), title, size));
  }

  private static SearchResponse.MarketingPrice marketingPrice(
      ListingState state, ExchangeRates.Conversion conversion) {
    if (state.originalPrice() == null) {
      return null;
    }
    BigDecimal original = conversion.apply(state.originalPrice());
    BigDecimal discount = original.subtract(conversion.apply(state.fixedPrice()));
    return new SearchResponse.MarketingPrice(
        amount(state.originalPrice(), conversion),
        discount
            .multiply(BigDecimal.valueOf(100))
            .divide(original, 0, RoundingMode.HALF_UP)
            .toPlainString(),
        amount(state.originalPrice().subtract(state.fixedPrice()), conversion),
        "MARKDOWN");
  }

  private static SearchResponse.ShippingOption shippingOption(
      Shipping.Option option, ExchangeRates.Conversion conversion) {
    return new SearchResponse.ShippingOption(
        option.type().name(), option.cost() == null ? null : amount(option.cost(), conversion));
  }

  /** An amount in the seller's currency as the site shows it. */
  static SearchResponse.Amount amount(BigDecimal value, ExchangeRates.Conversion conversion) {
    return new SearchResponse.Amount(
        conversion.apply(value).toPlainString(),
        conversion.to(),
        conversion.converts() ? value.setScale(2, RoundingMode.HALF_UP).toPlainString() : null,
        conversion.converts() ? conversion.from() : null);
  }
}
