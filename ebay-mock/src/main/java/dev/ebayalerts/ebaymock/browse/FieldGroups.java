package dev.ebayalerts.ebaymock.browse;

import dev.ebayalerts.ebaymock.EbayErrorBody;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code fieldgroups} parameter: which refinements to count, whether to send the matching items
 * (refinements alone come without them, as on eBay) and whether to add the {@code EXTENDED} fields.
 * Values eBay does not know are ignored with warning 12016.
 */
final class FieldGroups {

  /** The values eBay accepts. */
  private enum Group {
    ASPECT_REFINEMENTS,
    BUYING_OPTION_REFINEMENTS,
    CATEGORY_REFINEMENTS,
    CONDITION_REFINEMENTS,
    EXTENDED,
    MATCHING_ITEMS,
    FULL
  }

  private final Set<Group> groups;

  private FieldGroups(Set<Group> groups) {
    this.groups = groups;
  }

  static FieldGroups parse(String value, List<EbayErrorBody.Detail> warnings) {
    Set<Group> groups = EnumSet.noneOf(Group.class);
    if (value != null && !value.isBlank()) {
      for (String name : value.split(",")) {
        String trimmed = name.trim();
        try {
          groups.add(Group.valueOf(trimmed));
        } catch (IllegalArgumentException unknown) {
          warnings.add(
              EbayErrorBody.Detail.browseRequest(
                  12016,
                  ("The 'fieldgroups' value %s is invalid. For the valid values, refer to the API"
                          + " call reference documentation")
                      .formatted(trimmed),
                  new EbayErrorBody.Parameter("fieldgroups", trimmed)));
        }
      }
    }
    return new FieldGroups(groups);
  }

  /** Whether the answer lists items: by default, and with MATCHING_ITEMS, FULL or EXTENDED. */
  boolean items() {
    return groups.isEmpty()
        || groups.contains(Group.MATCHING_ITEMS)
        || groups.contains(Group.FULL)
        || groups.contains(Group.EXTENDED);
  }

  boolean extended() {
    return groups.contains(Group.EXTENDED);
  }

  /** Whether the answer has a {@code refinement}, with at least its dominant category. */
  boolean refinement() {
    return groups.contains(Group.FULL)
        || groups.contains(Group.ASPECT_REFINEMENTS)
        || categories()
        || conditions()
        || buyingOptions();
  }

  boolean categories() {
    return groups.contains(Group.FULL) || groups.contains(Group.CATEGORY_REFINEMENTS);
  }

  boolean conditions() {
    return groups.contains(Group.FULL) || groups.contains(Group.CONDITION_REFINEMENTS);
  }

  boolean buyingOptions() {
    return groups.contains(Group.FULL) || groups.contains(Group.BUYING_OPTION_REFINEMENTS);
  }
}
