package dev.ebayalerts.alerts.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/** The small HTML pages that links in emails open: a title and a body of trusted markup. */
public final class HtmlPages {

  private HtmlPages() {}

  /**
   * @param body markup: anything in it that came from outside must be escaped by the caller
   */
  public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
    return ResponseEntity.status(status)
        .contentType(MediaType.TEXT_HTML)
        .header("Referrer-Policy", "no-referrer")
        .body(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>"
                + HtmlUtils.htmlEscape(title)
                + "</title></head><body><main><h1>"
                + HtmlUtils.htmlEscape(title)
                + "</h1>"
                + body
                + "</main></body></html>");
  }

  /**
   * The next step after a page that confirms an address or starts an alert: the dashboard, where
   * the address's alerts are seen and managed.
   */
  public static String dashboardLink(String dashboardUrl) {
    return "<p><a href=\""
        + HtmlUtils.htmlEscape(dashboardUrl)
        + "\">Open the dashboard</a> to see and manage your alerts (sign in there with this"
        + " address).</p>";
  }
}
