package dev.ebayalerts.alerts.mute;

import dev.ebayalerts.alerts.web.HtmlPages;
import dev.ebayalerts.alerts.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages a listing's feedback links open. GET only shows what the link would do, with a button
 * (mail scanners follow links); the button's POST mutes.
 */
@Hidden
@RestController
class MutePages {

  private final MuteLinks links;
  private final Mutes mutes;
  private final MuteService service;

  MutePages(MuteLinks links, Mutes mutes, MuteService service) {
    this.links = links;
    this.mutes = mutes;
    this.service = service;
  }

  @GetMapping("/mute")
  ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
    Optional<MuteLinks.Asked> asked = links.read(token);
    if (asked.isEmpty()) {
      return invalid();
    }
    Optional<Mutes.Listing> listing =
        mutes.toldListing(asked.get().alertId(), asked.get().itemId());
    if (listing.isEmpty()) {
      return gone();
    }
    String title = HtmlUtils.htmlEscape(listing.get().title());
    String hidden =
        "<input type=\"hidden\" name=\"token\" value=\"" + HtmlUtils.htmlEscape(token) + "\">";
    if (asked.get().kind() == null) {
      return choices(listing.get(), title, hidden);
    }
    return switch (asked.get().kind()) {
      case LISTING ->
          HtmlPages.page(
              HttpStatus.OK,
              "Not interested?",
              "<p>This alert will not show “"
                  + title
                  + "” again.</p>"
                  + form(hidden, "<button type=\"submit\">Not interested</button>"));
      case SELLER -> {
        String seller = listing.get().seller();
        if (seller == null) {
          yield gone();
        }
        String name = HtmlUtils.htmlEscape(seller);
        yield HtmlPages.page(
            HttpStatus.OK,
            "Mute seller " + seller + "?",
            "<p>No more listings of "
                + name
                + ", who sells “"
                + title
                + "”.</p>"
                + form(
                    hidden,
                    "<button type=\"submit\" name=\"scope\" value=\"alert\">Mute seller</button>"
                        + " <button type=\"submit\" name=\"scope\" value=\"all\">Mute seller"
                        + " for all my alerts</button>"));
      }
      case WORD -> {
        yield HtmlPages.page(
            HttpStatus.OK,
            "Mute a word",
            "<p>Listings whose title holds the word you pick are not shown again by this"
                + " alert. Words of “"
                + title
                + "”:</p>"
                + form(hidden, wordButtons(listing.get())));
      }
    };
  }

  @PostMapping("/mute")
  ResponseEntity<String> mute(
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String word,
      @RequestParam(required = false) String action) {
    Optional<MuteLinks.Asked> read = links.read(token);
    if (read.isEmpty()) {
      return invalid();
    }
    MuteLinks.Asked asked = read.get();
    Optional<Mutes.Listing> listing = mutes.toldListing(asked.alertId(), asked.itemId());
    if (listing.isEmpty()) {
      return gone();
    }
    if (asked.kind() == null) {
      MuteKind chosen =
          word != null
              ? MuteKind.WORD
              : "listing".equals(action)
                  ? MuteKind.LISTING
                  : "seller".equals(action) ? MuteKind.SELLER : null;
      if (chosen == null) {
        return HtmlPages.page(
            HttpStatus.BAD_REQUEST, "Nothing muted", "<p>Pick what not to show again.</p>");
      }
      asked = new MuteLinks.Asked(asked.email(), asked.alertId(), chosen, asked.itemId());
    }
    String value =
        switch (asked.kind()) {
          case LISTING -> asked.itemId();
          case SELLER -> listing.get().seller();
          // Only a word of the listing's own title: the link is not a way to mute anything.
          case WORD ->
              word != null && MuteSuggestions.words(listing.get().title()).contains(word)
                  ? word
                  : null;
        };
    if (value == null) {
      return HtmlPages.page(
          HttpStatus.BAD_REQUEST, "Nothing muted", "<p>Pick one of the listing's words.</p>");
    }
    try {
      Mutes.Added added =
          service.mute(
              asked.email(),
              asked.kind() != MuteKind.LISTING && "all".equals(scope) ? null : asked.alertId(),
              asked.kind(),
              value);
      return HtmlPages.page(
          HttpStatus.OK,
          "Muted",
          "<p>"
              + HtmlUtils.htmlEscape(added.mute().label())
              + " is muted. You can undo it in your dashboard, where every mute is listed.</p>");
    } catch (InvalidRequest | ErrorResponseException refused) {
      return gone();
    }
  }

  /** The page of a chat message's one link: every kind of mute of the listing. */
  private static ResponseEntity<String> choices(
      Mutes.Listing listing, String title, String hidden) {
    String seller =
        listing.seller() == null
            ? ""
            : form(
                hidden,
                "<input type=\"hidden\" name=\"action\" value=\"seller\">"
                    + "<button type=\"submit\" name=\"scope\" value=\"alert\">Mute seller "
                    + HtmlUtils.htmlEscape(listing.seller())
                    + "</button> <button type=\"submit\" name=\"scope\" value=\"all\">Mute"
                    + " seller for all my alerts</button>");
    return HtmlPages.page(
        HttpStatus.OK,
        "Not interested?",
        "<p>What should this alert not show again? The listing is “"
            + title
            + "”.</p>"
            + form(
                hidden,
                "<button type=\"submit\" name=\"action\" value=\"listing\">Not interested in"
                    + " this listing</button>")
            + seller
            + "<p>Or mute a word of its title:</p>"
            + form(hidden, wordButtons(listing)));
  }

  /** A button per word of the listing's title, each muting its word. */
  private static String wordButtons(Mutes.Listing listing) {
    StringBuilder buttons = new StringBuilder();
    for (String word : MuteSuggestions.words(listing.title())) {
      String escaped = HtmlUtils.htmlEscape(word);
      buttons
          .append("<button type=\"submit\" name=\"word\" value=\"")
          .append(escaped)
          .append("\">")
          .append(escaped)
          .append("</button> ");
    }
    return buttons.toString();
  }

  private static String form(String hidden, String buttons) {
    return "<form method=\"post\" action=\"/mute\">" + hidden + buttons + "</form>";
  }

  private static ResponseEntity<String> invalid() {
    return HtmlPages.page(
        HttpStatus.BAD_REQUEST,
        "Link not valid",
        "<p>This link is not valid or expired. Mute listings from your dashboard instead.</p>");
  }

  private static ResponseEntity<String> gone() {
    return HtmlPages.page(
        HttpStatus.NOT_FOUND,
        "Listing no longer known",
        "<p>The alert or the listing this link is about no longer exists.</p>");
  }
}
