package dev.ebayalerts.ebaymock.browse;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of the mock's category tree: eBay's numeric id (as a string, as eBay sends it), its name
 * and its parent, null for a top-level category.
 */
record Category(String id, String name, Category parent) {

  static Category top(String id, String name) {
    return new Category(id, name, null);
  }

  Category child(String id, String name) {
    return new Category(id, name, this);
  }

  /** This category and its ancestors, leaf first, then from the top level down, as eBay lists. */
  List<Category> path() {
    List<Category> ancestors = new ArrayList<>();
    for (Category c = parent; c != null; c = c.parent) {
      ancestors.add(0, c);
    }
    List<Category> path = new ArrayList<>();
    path.add(this);
    path.addAll(ancestors);
    return path;
  }

  /** Whether this is the category with that id or one of its descendants. */
  boolean isWithin(String categoryId) {
    for (Category c = this; c != null; c = c.parent) {
      if (c.id.equals(categoryId)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name + " (" + id + ")";
  }
}
