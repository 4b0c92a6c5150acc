package dev.ebayalerts.alerts.feed;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.ebayalerts.alerts.alert.FeedTokens;
import dev.ebayalerts.alerts.delivery.ListingText;
import dev.ebayalerts.alerts.mute.MuteLinks;
import dev.ebayalerts.pubsub.links.SafeUrls;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.web.util.HtmlUtils;

/** An alert's notices as an Atom 1.0 document (RFC 4287), written by Rome. */
final class AtomFeed {

  static final String MEDIA_TYPE = "application/atom+xml";

  private AtomFeed() {}

  /**
   * The feed document. Its {@code updated} is {@code updated}: the same notices and alert give the
   * same bytes, which the feed's ETag relies on.
   */
  static byte[] render(
      FeedTokens.FeedAlert alert,
      String selfUrl,
      List<FeedNotices.Notice> notices,
      Instant updated,
      MuteLinks muteLinks) {
    Feed feed = new Feed("atom_1.0");
    // Stable across token changes: a reader that follows the new URL sees the same feed.
    feed.setId("urn:uuid:" + alert.id());
    feed.setTitle("eBay alert: \"" + oneLine(alert.searchPhrase()) + "\"");
    feed.setSubtitle(
        text("New listings and price drops for your saved eBay search, newest first."));
    feed.setUpdated(Date.from(updated));
    feed.setOtherLinks(List.of(link("self", selfUrl, MEDIA_TYPE)));
    Person author = new Person();
    author.setName("ebay-alerts");
    feed.setAuthors(List.of(author));
    List<Entry> entries = new ArrayList<>();
    for (FeedNotices.Notice notice : notices) {
      entries.add(
          entry(
              notice,
              muteLinks.forListing(
                  alert.email(), alert.id(), notice.itemId(), notice.decidedAt())));
    }
    feed.setEntries(entries);
    try {
      return new WireFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("Could not write the Atom feed of alert " + alert.id(), e);
    }
  }

  private static Entry entry(FeedNotices.Notice notice, MuteLinks.Links feedback) {
    String title = blankToDefault(oneLine(notice.title()), "(no title)");
    String price = ListingText.price(notice.price(), notice.currency());
    String was =
        notice.dropped() ? ListingText.price(notice.previousPrice(), notice.currency()) : null;
    String url = SafeUrls.webUrl(notice.itemWebUrl());
    String image = SafeUrls.webUrl(notice.imageUrl());

    Entry entry = new Entry();
    entry.setId("urn:uuid:" + entryId(notice));
    entry.setTitle(
        notice.dropped()
            ? "Price drop: " + title + " – " + was + " → " + price
            : "New: " + title + " – " + price);
    Date decided = Date.from(notice.decidedAt());
    entry.setUpdated(decided);
    entry.setPublished(decided);
    if (url != null) {
      entry.setAlternateLinks(List.of(link("alternate", url, "text/html")));
    }
    if (image != null) {
      entry.setOtherLinks(List.of(link("enclosure", image, null)));
    }
    entry.setSummary(text(notice.dropped() ? "Was " + was + ", now " + price + "." : price + "."));
    Content html = new Content();
    html.setType(Content.HTML);
    html.setValue(html(title, url, image, price, was) + feedback(feedback));
    entry.setContents(List.of(html));
    return entry;
  }

  /**
   * One entry per listing of one notice: the same entry keeps its id on every request. (Notices
   * made from alert emails kept the email's id, and the prefix is the one entries had then, so a
   * reader never sees an entry twice.)
   */
  private static UUID entryId(FeedNotices.Notice notice) {
    return UUID.nameUUIDFromBytes(
        ("alert-email:" + notice.noticeId() + ":" + notice.position() + ":" + notice.itemId())
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The listing's one-click feedback: each link opens a confirmation page first. */
  private static String feedback(MuteLinks.Links links) {
    return "<p>"
        + anchor(links.notInterested(), "Not interested")
        + " · "
        + anchor(links.muteSeller(), "Mute seller")
        + " · "
        + anchor(links.muteWord(), "Mute a word")
        + "</p>";
  }

  private static String html(String title, String url, String image, String price, String was) {
    StringBuilder html = new StringBuilder();
    if (image != null) {
      String img =
          "<img src=\"" + escape(image) + "\" alt=\"" + escape(title) + "\" width=\"225\">";
      html.append("<p>").append(url == null ? img : anchor(url, img)).append("</p>");
    }
    html.append("<p>");
    if (was != null) {
      html.append("Price drop: <s>").append(escape(was)).append("</s> → ");
    }
    html.append("<strong>").append(escape(price)).append("</strong></p>");
    if (url != null) {
      html.append("<p>").append(anchor(url, "View on eBay")).append("</p>");
    }
    return html.toString();
  }

  private static String anchor(String url, String inner) {
    return "<a href=\"" + escape(url) + "\">" + inner + "</a>";
  }

  private static Link link(String rel, String href, String type) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(href);
    link.setType(type);
    return link;
  }

  private static Content text(String value) {
    Content content = new Content();
    content.setType(Content.TEXT);
    content.setValue(value);
    return content;
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  /** No control characters: XML 1.0 cannot carry most of them. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private static String blankToDefault(String text, String fallback) {
    return text.isBlank() ? fallback : text;
  }
}
