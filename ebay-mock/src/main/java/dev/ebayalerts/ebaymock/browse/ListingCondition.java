package dev.ebayalerts.ebaymock.browse;

/** The item conditions the mock lists, with eBay's ids, labels and {@code conditions} groups. */
enum ListingCondition {
  NEW("1000", "New", Group.NEW),
  OPEN_BOX("1500", "Open box", Group.NEW),
  USED("3000", "Used", Group.USED);

  private final String id;
  private final String label;
  private final Group group;

  ListingCondition(String id, String label, Group group) {
    this.id = id;
    this.label = label;
    this.group = group;
  }

  String id() {
    return id;
  }

  String label() {
    return label;
  }

  Group group() {
    return group;
  }

  /** The values of eBay's {@code conditions} filter. */
  enum Group {
    NEW,
    USED,
    UNSPECIFIED
  }
}
