package dev.ebayalerts.pubsub.links;

import java.net.URI;

/**
 * The check every service applies before a URL from a listing (its page, its picture: carried by
 * {@link dev.ebayalerts.pubsub.ListingsObserved} and stored from eBay's answers) reaches a reader
 * as a link: only http(s), so no {@code javascript:} or {@code data:} link from a listing gets into
 * an email, a feed or a chat message.
 */
public final class SafeUrls {

  private SafeUrls() {}

  /** The URL, stripped, if it is an http(s) URL; else null. */
  public static String webUrl(String url) {
    if (url == null) {
      return null;
    }
    try {
      String scheme = URI.create(url.strip()).getScheme();
      return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)
          ? url.strip()
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
