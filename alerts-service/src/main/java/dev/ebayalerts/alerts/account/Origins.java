package dev.ebayalerts.alerts.account;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which sites may submit this service's forms: its own address, the dashboard's and the allowed
 * browser origins. A browser names the submitting site in {@code Origin} (or, failing that, {@code
 * Referer}); a request without either is not from another site's page (curl, a mail client).
 */
@Component
class Origins {

  private final Set<String> own = new HashSet<>();

  Origins(ManageLinks links, SecuritySettings settings) {
    own.add(originOf(links.baseUrl()));
    own.add(originOf(links.dashboardUrl()));
    settings.allowedOrigins().forEach(origin -> own.add(originOf(origin)));
  }

  boolean sameSite(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      String referer = request.getHeader("Referer");
      if (referer == null) {
        return origin == null; // "null": a sandboxed or privacy-hidden origin is not ours
      }
      origin = referer;
    }
    return own.contains(originOf(origin));
  }

  /** scheme://host[:port], lower case, without a default port; "" for what is not a URL. */
  static String originOf(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "";
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("https") && port == 443)
              || (scheme.equals("http") && port == 80);
      return scheme
          + "://"
          + uri.getHost().toLowerCase(Locale.ROOT)
          + (defaultPort ? "" : ":" + port);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
