package dev.ebayalerts.ebaymock.browse;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * eBay's {@code refinement} of a search, counted over every match (not just the page): the dominant
 * category and, as {@code fieldgroups} asks, distributions by leaf category, condition and buying
 * option, largest first, each with a link to the search narrowed to it.
 */
final class Refinements {

  private Refinements() {}

  static SearchResponse.Refinement of(
      FieldGroups fieldgroups, List<Match> matches, SearchLinks links) {
    if (!fieldgroups.refinement()) {
      return null;
    }
    Map<Category, Long> byCategory =
        matches.stream()
            .collect(
                Collectors.groupingBy(
                    m -> m.listing().category(), LinkedHashMap::new, Collectors.counting()));
    List<Map.Entry<Category, Long>> ranked =
        byCategory.entrySet().stream()
            .sorted(
                Map.Entry.<Category, Long>comparingByValue()
                    .reversed()
                    .thenComparing(e -> e.getKey().id()))
            .toList();
    return new SearchResponse.Refinement(
        ranked.isEmpty() ? null : ranked.get(0).getKey().id(),
        !fieldgroups.categories()
            ? List.of()
            : ranked.stream()
                .map(
                    e ->
                        new SearchResponse.CategoryDistribution(
                            e.getKey().id(),
                            e.getKey().name(),
                            e.getValue().intValue(),
                            links.inCategory(e.getKey().id())))
                .toList(),
        !fieldgroups.conditions()
            ? List.of()
            : Arrays.stream(ListingCondition.values())
                .map(
                    c ->
                        new SearchResponse.ConditionDistribution(
                            c.label(),
                            c.id(),
                            count(matches, m -> m.listing().condition() == c),
                            links.withFilter("conditionIds", c.id())))
                .filter(d -> d.matchCount() > 0)
                .toList(),
        !fieldgroups.buyingOptions()
            ? List.of()
            : Arrays.stream(BuyingOption.values())
                .map(
                    o ->
                        new SearchResponse.BuyingOptionDistribution(
                            o.name(),
                            count(matches, m -> m.state().buyingOptions().contains(o)),
                            links.withFilter("buyingOptions", o.name())))
                .filter(d -> d.matchCount() > 0)
                .toList());
  }

  private static int count(List<Match> matches, Predicate<Match> which) {
    return (int) matches.stream().filter(which).count();
  }
}
