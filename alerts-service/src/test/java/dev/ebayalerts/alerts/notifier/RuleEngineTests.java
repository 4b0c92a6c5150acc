package dev.ebayalerts.alerts.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.alerts.alert.NoticeRules;
import dev.ebayalerts.alerts.alert.PriceBasis;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticeListing.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleEngineTests {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void targetPriceFiresOnceAndAgainOnlyAfterRisingAboveIt() {
    NoticeRules rules = rules(new BigDecimal("100"), null);
    Map<String, RuleEngine.State> memory = new HashMap<>();

    assertThat(told(run(rules, null, listing("a", "120")), memory)).isEmpty();
    assertThat(told(run(rules, null, listing("a", "100")), memory))
        .singleElement()
        .satisfies(l -> assertThat(l.reasons()).containsExactly(Reason.TARGET_PRICE));
    assertThat(told(run(rules, null, listing("a", "90")), memory)).isEmpty();
    assertThat(told(run(rules, null, listing("a", "101")), memory)).isEmpty();
    assertThat(told(run(rules, null, listing("a", "99")), memory)).hasSize(1);
  }

  /** An alert's prices are in its currency: a listing in another is never "at the target". */
  @Test
  void pricesInAnotherCurrencyAreNeverComparedWithTheAlertsPrices() {
    NoticeRules rules = rules(new BigDecimal("100"), 30);
    NoticeListing canadian = inCurrency(listing("cad", "90"), "CAD");
    NoticeListing auctionInCad =
        inCurrency(auction("cad-auction", "50", NOW.plusSeconds(60)), "CAD");

    assertThat(told(run(rules, null, canadian), new HashMap<>())).isEmpty();
    assertThat(told(run(rules, new BigDecimal("200"), auctionInCad), new HashMap<>())).isEmpty();
    assertThat(told(run(rules, null, listing("usd", "90")), new HashMap<>())).hasSize(1);
  }

  private static NoticeListing inCurrency(NoticeListing listing, String currency) {
    return new NoticeListing(
        listing.itemId(),
        listing.title(),
        listing.price(),
        currency,
        listing.previousPrice(),
        listing.imageUrl(),
        listing.itemWebUrl(),
        listing.condition(),
        listing.buyingOption(),
        listing.itemEndDate(),
        listing.reasons());
  }

  @Test
  void anAuctionEndingSoonUnderTheMaximumIsToldOnce() {
    NoticeRules rules = rules(null, 30);
    Map<String, RuleEngine.State> memory = new HashMap<>();
    NoticeListing soon = auction("s", "150", NOW.plusSeconds(20 * 60));

    assertThat(told(run(rules, new BigDecimal("200"), soon), memory))
        .singleElement()
        .satisfies(l -> assertThat(l.reasons()).containsExactly(Reason.ENDING_SOON));
    assertThat(told(run(rules, new BigDecimal("200"), soon), memory)).isEmpty();
  }

  @Test
  void anAuctionEndingLaterOrOverTheMaximumOrAlreadyEndedIsNotTold() {
    NoticeRules rules = rules(null, 30);
    BigDecimal max = new BigDecimal("200");
    assertThat(told(run(rules, max, auction("late", "150", NOW.plusSeconds(31 * 60))), Map.of()))
        .isEmpty();
    assertThat(told(run(rules, max, auction("dear", "200.01", NOW.plusSeconds(60))), Map.of()))
        .isEmpty();
    assertThat(told(run(rules, max, auction("ended", "10", NOW.minusSeconds(1))), Map.of()))
        .isEmpty();
    assertThat(told(run(rules, null, auction("nomax", "9999", NOW.plusSeconds(60))), Map.of()))
        .hasSize(1);
  }

  @Test
  void newListingsAndDropsFollowTheirSwitches() {
    NoticeListing fresh = listing("n", "10");
    NoticeListing dropped = withPrevious(listing("d", "8"), "10");
    NoticeRules off = new NoticeRules(false, false, null, null, null, null, null, null);
    NoticeRun run =
        new NoticeRun(
            UUID.randomUUID(),
            "a@b.c",
            "x",
            null,
            "USD",
            PriceBasis.ITEM,
            off,
            false,
            List.of(fresh, dropped),
            List.of(fresh, dropped),
            NOW);
    assertThat(RuleEngine.decide(run, Map.of()).told()).isEmpty();

    NoticeRules on = NoticeRules.defaults();
    NoticeRun both =
        new NoticeRun(
            UUID.randomUUID(),
            "a@b.c",
            "x",
            null,
            "USD",
            PriceBasis.ITEM,
            on,
            false,
            List.of(fresh, dropped),
            List.of(fresh, dropped),
            NOW);
    assertThat(RuleEngine.decide(both, Map.of()).told())
        .extracting(NoticeListing::reasons)
        .containsExactly(List.of(Reason.NEW_LISTING), List.of(Reason.PRICE_DROP));
  }

  @Test
  void quietHoursMaySpanMidnightInTheAlertsZone() {
    NoticeRules rules =
        new NoticeRules(
            null, null, null, null, LocalTime.of(22, 0), LocalTime.of(7, 0), "Europe/Berlin", null);
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    assertThat(rules.quietAt(ZonedDateTime.of(2026, 11, 25, 23, 30, 0, 0, berlin))).isTrue();
    assertThat(rules.quietAt(ZonedDateTime.of(2026, 11, 25, 6, 59, 0, 0, berlin))).isTrue();
    assertThat(rules.quietAt(ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, berlin))).isFalse();
    // 21:30 UTC is 22:30 in Berlin
    assertThat(rules.quietAt(ZonedDateTime.of(2026, 11, 25, 21, 30, 0, 0, ZoneId.of("UTC"))))
        .isTrue();
    assertThat(NoticeRules.defaults().quietAt(ZonedDateTime.now())).isFalse();
  }

  @Test
  void foldingKeepsHeldListingsAndMergesReasonsOfTheSameListing() {
    NoticeListing held =
        withPrevious(listing("a", "90"), "100").withReasons(List.of(Reason.PRICE_DROP));
    NoticeListing again = listing("a", "85").withReasons(List.of(Reason.TARGET_PRICE));
    NoticeListing other = listing("b", "5").withReasons(List.of(Reason.NEW_LISTING));

    List<NoticeListing> folded = RuleEngine.fold(List.of(held), List.of(again, other));

    assertThat(folded).extracting(NoticeListing::itemId).containsExactly("a", "b");
    assertThat(folded.get(0).price()).isEqualByComparingTo("85");
    assertThat(folded.get(0).previousPrice()).isEqualByComparingTo("100");
    assertThat(folded.get(0).reasons()).containsExactly(Reason.PRICE_DROP, Reason.TARGET_PRICE);
  }

  private static List<NoticeListing> told(NoticeRun run, Map<String, RuleEngine.State> memory) {
    RuleEngine.Decision decision = RuleEngine.decide(run, memory);
    if (memory instanceof HashMap<String, RuleEngine.State> mutable) {
      mutable.putAll(decision.states());
    }
    return decision.told();
  }

  private static NoticeRules rules(BigDecimal target, Integer endingSoonMinutes) {
    return new NoticeRules(false, false, target, endingSoonMinutes, null, null, null, null);
  }

  private static NoticeRun run(NoticeRules rules, BigDecimal max, NoticeListing listing) {
    return new NoticeRun(
        UUID.randomUUID(),
        "a@b.c",
        "x",
        max,
        "USD",
        PriceBasis.ITEM,
        rules,
        false,
        List.of(listing),
        List.of(),
        NOW);
  }

  static NoticeListing listing(String id, String price) {
    return new NoticeListing(
        id,
        "Item " + id,
        new BigDecimal(price),
        "USD",
        null,
        null,
        null,
        "Used",
        "FIXED_PRICE",
        null,
        List.of());
  }

  private static NoticeListing auction(String id, String bid, Instant end) {
    return new NoticeListing(
        id,
        "Auction " + id,
        new BigDecimal(bid),
        "USD",
        null,
        null,
        null,
        "Used",
        "AUCTION",
        end,
        List.of());
  }

  private static NoticeListing withPrevious(NoticeListing l, String previous) {
    return new NoticeListing(
        l.itemId(),
        l.title(),
        l.price(),
        l.currency(),
        new BigDecimal(previous),
        l.imageUrl(),
        l.itemWebUrl(),
        l.condition(),
        l.buyingOption(),
        l.itemEndDate(),
        l.reasons());
  }
}
