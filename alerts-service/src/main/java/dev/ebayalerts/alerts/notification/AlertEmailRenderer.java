package dev.ebayalerts.alerts.notification;

import java.math.BigDecimal;
import java.net.URI;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an alert email as a subject, a plain-text body and an HTML body from the Thymeleaf
 * templates in {@code templates/mail/}. Its own template engine, so the text template can use TEXT
 * mode without touching the web pages' engine.
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
      String details) {

    public boolean dropped() {
      return previousPrice != null;
    }
  }

  private static final Locale LOCALE = Locale.US;

  private static final Map<String, String> BUYING_OPTIONS =
      Map.of(
          "AUCTION", "Auction",
          "FIXED_PRICE", "Buy It Now",
          "BEST_OFFER", "Best Offer",
          "CLASSIFIED_AD", "Classified ad");

  private final TemplateEngine templates;

  AlertEmailRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setCharacterEncoding("UTF-8");
    resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
    resolver.setTextTemplateModePatterns(Set.of("*.txt"));
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setEnableSpringELCompiler(true);
    this.templates = engine;
  }

  Rendered render(AlertEmail email, String unsubscribeUrl) {
    return render(email, unsubscribeUrl, null);
  }

  /** With {@code manageUrl}, the email also links to where its owner manages all their alerts. */
  Rendered render(AlertEmail email, String unsubscribeUrl, String manageUrl) {
    return render(email, unsubscribeUrl, manageUrl, null);
  }

  /** With {@code feedUrl}, the email also links to the alert's Atom feed. */
  Rendered render(AlertEmail email, String unsubscribeUrl, String manageUrl, String feedUrl) {
    String phrase = oneLine(email.searchPhrase());
    List<ListingView> listings = email.listings().stream().map(AlertEmailRenderer::view).toList();
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
        templates.process("alert.txt", context),
        templates.process("alert.html", context));
  }

  static String subject(AlertEmail email, String phrase) {
    int count = email.listings().size();
    long drops = email.listings().stream().filter(EmailListing::dropped).count();
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

  private static ListingView view(EmailListing listing) {
    return new ListingView(
        listing.title() == null || listing.title().isBlank() ? "(no title)" : listing.title(),
        price(listing.price(), listing.currency()),
        listing.dropped() ? price(listing.previousPrice(), listing.currency()) : null,
        webUrl(listing.imageUrl()),
        webUrl(listing.itemWebUrl()),
        details(listing));
  }

  /**
   * {@code $129.99} for US dollars, {@code EUR 12.50} for other currencies: a bare symbol would be
   * ambiguous ($ is also the Canadian and Australian dollar's).
   */
  static String price(BigDecimal amount, String currencyCode) {
    if (amount == null) {
      return "price not given";
    }
    Currency currency = currency(currencyCode);
    if (currency == null) {
      NumberFormat plain = NumberFormat.getNumberInstance(LOCALE);
      plain.setMinimumFractionDigits(2);
      plain.setMaximumFractionDigits(2);
      return (currencyCode == null ? "" : currencyCode + " ") + plain.format(amount);
    }
    if (currency.equals(Currency.getInstance(LOCALE))) {
      NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
      format.setCurrency(currency);
      return format.format(amount);
    }
    NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
    format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
    format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
    return currency.getCurrencyCode() + " " + format.format(amount);
  }

  private static Currency currency(String code) {
    try {
      return code == null ? null : Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String details(EmailListing listing) {
    String option = listing.buyingOption();
    if (option != null && !option.isBlank()) {
      option = BUYING_OPTIONS.getOrDefault(option, option);
    }
    return String.join(
        " · ",
        java.util.stream.Stream.of(listing.condition(), option, listing.note())
            .filter(part -> part != null && !part.isBlank())
            .toList());
  }

  /** Only http(s) links reach an email: no {@code javascript:} or {@code data:} from a listing. */
  private static String webUrl(String url) {
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

  /** A search phrase on one line: it goes into the Subject header. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
