package dev.ebayalerts.alerts.feed;

import dev.ebayalerts.alerts.alert.FeedLinks;
import dev.ebayalerts.alerts.alert.FeedTokens;
import dev.ebayalerts.alerts.mute.MuteLinks;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An alert's Atom feed at an unguessable URL, for feed readers: no session, the token is the
 * credential. Answers conditional GETs (ETag and Last-Modified) with 304, so readers polling every
 * few minutes cost a query and no download. Not part of the documented JSON API.
 */
@Hidden
@RestController
class FeedController {

  /** Newest notices in a feed; older ones stay in the emails. */
  static final int MAX_ENTRIES = 100;

  private static final MediaType ATOM =
      new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

  private final FeedTokens tokens;
  private final FeedNotices notices;
  private final FeedLinks links;
  private final MuteLinks muteLinks;

  FeedController(FeedTokens tokens, FeedNotices notices, FeedLinks links, MuteLinks muteLinks) {
    this.tokens = tokens;
    this.notices = notices;
    this.links = links;
    this.muteLinks = muteLinks;
  }

  @GetMapping("/feeds/{token}.atom")
  ResponseEntity<?> feed(@PathVariable String token) {
    Optional<FeedTokens.FeedAlert> found = tokens.alertWith(token);
    if (found.isEmpty()) {
      return notFound();
    }
    FeedTokens.FeedAlert alert = found.get();
    List<FeedNotices.Notice> newest = notices.newest(alert.id(), MAX_ENTRIES);
    Instant updated =
        newest.isEmpty() || newest.get(0).decidedAt().isBefore(alert.updatedAt())
            ? alert.updatedAt()
            : newest.get(0).decidedAt();
    byte[] body = AtomFeed.render(alert, links.urlFor(alert.token()), newest, updated, muteLinks);
    // Spring answers 304 itself when If-None-Match or If-Modified-Since matches these headers.
    return ResponseEntity.ok()
        .contentType(ATOM)
        .eTag(etag(body))
        .lastModified(updated)
        // The URL is a secret: shared caches keep nothing, readers revalidate every time.
        .cacheControl(CacheControl.noCache().cachePrivate())
        .header("X-Robots-Tag", "noindex")
        .body(body);
  }

  /** A ProblemDetail whatever the reader accepts: a feed reader asks for XML, not JSON. */
  private static ResponseEntity<ProblemDetail> notFound() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "No feed at this address. The alert was deleted or its feed URL was replaced: find"
                + " the current one as feedUrl in GET /api/alerts/{id}.");
    problem.setTitle("Feed not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
