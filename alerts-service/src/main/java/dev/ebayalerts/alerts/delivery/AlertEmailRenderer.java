package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.mute.MuteLinks;
import dev.ebayalerts.pubsub.links.SafeUrls;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders an alert email as a subject, a plain-text body and an HTML body from the Thymeleaf
 * templates in {@code templates/mail/}, with Spring Boot's template engine ({@code
 * spring.thymeleaf.*}): a template named with its extension is read in the mode that extension
 * names, so {@code .txt} is TEXT and {@code .html} is HTML.
 */
@Component
class AlertEmailRenderer {

  /** The email, ready to send. */
  record Rendered(String subject, String text, String html) {}

  /** A listing as the templates show it: every value already formatted. */
  record ListingView(
      String title,
      String price,
      String previousPrice,
      String imageUrl,
      String url,
      String details,
      MuteLinks.Links feedback) {

    public boolean dropped() {
      return previousPrice != null;
    }
  }

  /** One alert's share of a digest, as the digest template shows it. */
  record GroupView(
      String phrase, String headline, List<ListingView> listings, String unsubscribeUrl) {}

  private static final Locale LOCALE = Locale.US;

  private static final Map<String, String> BUYING_OPTIONS =
      Map.of(
          "AUCTION", "Auction",
          "FIXED_PRICE", "Buy It Now",
          "BEST_OFFER", "Buy It Now or Best Offer",
          "CLASSIFIED_AD", "Classified ad");

  private final TemplateEngine templates;

  AlertEmailRenderer(TemplateEngine templates) {
    this.templates = templates;
  }

  Rendered render(NoticePayload email, String unsubscribeUrl) {
    return render(email, unsubscribeUrl, null);
  }

  /** With {@code manageUrl}, the email also links to where its owner manages all their alerts. */
  Rendered render(NoticePayload email, String unsubscribeUrl, String manageUrl) {
    return render(email, unsubscribeUrl, manageUrl, null);
  }

  /** With {@code feedUrl}, the email also links to the alert's Atom feed. */
  Rendered render(NoticePayload email, String unsubscribeUrl, String manageUrl, String feedUrl) {
    return render(email, unsubscribeUrl, manageUrl, feedUrl, listing -> null);
  }

  /** With {@code feedback}, each listing has its "not interested" and mute links. */
  Rendered render(
      NoticePayload email,
      String unsubscribeUrl,
      String manageUrl,
      String feedUrl,
      Function<NoticeListing, MuteLinks.Links> feedback) {
    String phrase = oneLine(email.searchPhrase());
    List<ListingView> listings =
        email.listings().stream().map(l -> view(l, email.note(l), feedback.apply(l))).toList();
    Context context = new Context(LOCALE);
    context.setVariable("phrase", phrase);
    context.setVariable("first", email.first());
    context.setVariable("listings", listings);
    context.setVariable("subject", subject(email, phrase));
    context.setVariable("unsubscribeUrl", unsubscribeUrl);
    context.setVariable("manageUrl", manageUrl);
    context.setVariable("feedUrl", feedUrl);
    return new Rendered(
        subject(email, phrase),
        templates.process("mail/alert.txt", context),
        templates.process("mail/alert.html", context));
  }

  /**
   * Renders a digest: one email for the address, a group per alert headed by its search phrase,
   * each listing as in an alert email.
   *
   * @param unsubscribeUrl each alert's one-click unsubscribe link (pauses that alert)
   * @param manageUrl where the address manages all its alerts (and its schedule)
   * @param feedback each listing's "not interested" and mute links, or null
   */
  Rendered renderDigest(
      DigestPayload digest,
      Function<UUID, String> unsubscribeUrl,
      String manageUrl,
      BiFunction<UUID, NoticeListing, MuteLinks.Links> feedback) {
    List<GroupView> groups =
        digest.groups().stream()
            .map(
                group ->
                    new GroupView(
                        oneLine(group.searchPhrase()),
                        subject(group, oneLine(group.searchPhrase())),
                        group.listings().stream()
                            .map(l -> view(l, group.note(l), feedback.apply(group.alertId(), l)))
                            .toList(),
                        unsubscribeUrl.apply(group.alertId())))
            .toList();
    String subject = digestSubject(digest);
    Context context = new Context(LOCALE);
    context.setVariable("subject", subject);
    context.setVariable("groups", groups);
    context.setVariable("manageUrl", manageUrl);
    return new Rendered(
        subject,
        templates.process("mail/digest.txt", context),
        templates.process("mail/digest.html", context));
  }

  /** "12 listings from 3 alerts". */
  static String digestSubject(DigestPayload digest) {
    return plural(digest.listings(), "listing")
        + " from "
        + plural(digest.groups().size(), "alert");
  }

  static String subject(NoticePayload email, String phrase) {
    int count = email.listings().size();
    long drops = email.listings().stream().filter(l -> l.previousPrice() != null).count();
    long news = count - drops;
    String quoted = "\"" + phrase + "\"";
    if (email.first()) {
      return plural(count, "listing") + " for " + quoted + " right now";
    }
    if (drops == 0) {
      return plural(count, "new listing") + " for " + quoted;
    }
    if (news == 0) {
      return "Price drop: " + plural(count, "listing") + " for " + quoted;
    }
    return plural(news, "new listing") + " and " + plural(drops, "price drop") + " for " + quoted;
  }

  private static ListingView view(NoticeListing listing, String note, MuteLinks.Links feedback) {
    return new ListingView(
        listing.title() == null || listing.title().isBlank() ? "(no title)" : listing.title(),
        ListingText.price(listing.price(), listing.currency()),
        listing.previousPrice() != null
            ? ListingText.price(listing.previousPrice(), listing.currency())
            : null,
        SafeUrls.webUrl(listing.imageUrl()),
        SafeUrls.webUrl(listing.itemWebUrl()),
        details(listing, note),
        feedback);
  }

  private static String details(NoticeListing listing, String note) {
    String option = listing.buyingOption();
    if (option != null && !option.isBlank()) {
      option = BUYING_OPTIONS.getOrDefault(option, option);
    }
    return String.join(
        " · ",
        java.util.stream.Stream.of(ListingText.costs(listing), listing.condition(), option, note)
            .filter(part -> part != null && !part.isBlank())
            .toList());
  }

  /** A search phrase on one line: it goes into the Subject header. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
