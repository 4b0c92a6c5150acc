package dev.ebayalerts.alerts.consent;

import dev.ebayalerts.alerts.account.Accounts;
import dev.ebayalerts.alerts.account.ManageLinks;
import dev.ebayalerts.alerts.alert.AlertControl;
import dev.ebayalerts.alerts.channel.ChannelView;
import dev.ebayalerts.alerts.web.HtmlPages;
import dev.ebayalerts.alerts.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The link in the email asking an address's owner to start an alert created without a session. GET
 * only shows the alert and a button (mail scanners follow links); the button's POST starts the
 * alert and confirms the address, and shows the signing secret of its webhooks, once.
 */
@Hidden
@RestController
class StartPages {

  private final Accounts accounts;
  private final AlertControl alerts;
  private final ManageLinks links;

  StartPages(Accounts accounts, AlertControl alerts, ManageLinks links) {
    this.accounts = accounts;
    this.alerts = alerts;
    this.links = links;
  }

  @GetMapping("/start")
  ResponseEntity<String> startPage(@RequestParam(required = false) String token) {
    if (accounts.alertToStart(token).isEmpty()) {
      return invalid();
    }
    String form =
        "<form method=\"post\" action=\"/start\"><input type=\"hidden\" name=\"token\" value=\""
            + HtmlUtils.htmlEscape(token)
            + "\"><button type=\"submit\">Start this alert</button></form>";
    return page(
        HttpStatus.OK,
        "Start this alert?",
        "<p>Start the eBay alert that was asked for this address; you get its notices from then"
            + " on.</p>"
            + form);
  }

  @PostMapping("/start")
  ResponseEntity<String> start(@RequestParam(required = false) String token) {
    Optional<UUID> id = accounts.alertToStart(token);
    if (id.isEmpty()) {
      return invalid();
    }
    Optional<AlertControl.Started> result;
    try {
      result = alerts.start(id.get());
    } catch (InvalidRequest limit) {
      return page(
          HttpStatus.CONFLICT,
          "Alert not started",
          "<p>"
              + HtmlUtils.htmlEscape(
                  limit.errors().stream().map(problem -> problem.message()).findFirst().orElse(""))
              + "</p>");
    }
    return result
        .map(
            started -> {
              accounts.confirm(started.email());
              StringBuilder body = new StringBuilder();
              body.append("<pre>").append(HtmlUtils.htmlEscape(started.summary())).append("</pre>");
              for (ChannelView channel : started.channels()) {
                if (channel.secret() != null) {
                  body.append("<p>Signing secret of the webhook ")
                      .append(HtmlUtils.htmlEscape(channel.url()))
                      .append(": <code>")
                      .append(HtmlUtils.htmlEscape(channel.secret()))
                      .append("</code> (copy it now: it is not shown again).</p>");
                }
              }
              body.append(HtmlPages.dashboardLink(links.dashboardUrl()));
              return page(HttpStatus.OK, "Alert started", body.toString());
            })
        .orElseGet(
            () ->
                page(
                    HttpStatus.NOT_FOUND,
                    "Alert not found",
                    "<p>This alert was deleted before it was started.</p>"));
  }

  private static ResponseEntity<String> invalid() {
    return page(
        HttpStatus.BAD_REQUEST,
        "Link not valid",
        "<p>This link is not valid or expired. Create the alert again to get a new one.</p>");
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    return HtmlPages.page(status, title, body);
  }
}
