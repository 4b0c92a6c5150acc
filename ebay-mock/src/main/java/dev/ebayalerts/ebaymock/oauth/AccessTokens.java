package dev.ebayalerts.ebaymock.oauth;

import dev.ebayalerts.ebaymock.EbayMockProperties;
import dev.ebayalerts.ebaymock.MockClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The application access tokens the mock issued, and whether a presented one is still good. */
@Component
public class AccessTokens {

  private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final MockClock clock;
  private final Duration lifetime;

  AccessTokens(MockClock clock, EbayMockProperties properties) {
    this.clock = clock;
    this.lifetime = properties.tokenLifetime();
  }

  Issued issue() {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    // Same look as eBay's tokens, which callers treat as opaque strings.
    String token = "v^1.1#i^1#p^1#r^0#I^3#f^0#t^" + Base64.getEncoder().encodeToString(bytes);
    expiryByToken.put(token, clock.instant().plus(lifetime));
    return new Issued(token, lifetime.toSeconds());
  }

  /** Whether the value of an {@code Authorization} header carries a live token of ours. */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
      return false;
    }
    Instant expiry = expiryByToken.get(authorizationHeader.substring("Bearer ".length()).trim());
    return expiry != null && clock.instant().isBefore(expiry);
  }

  /** Makes every token issued so far invalid, as if each had reached its expiry. */
  public void expireAll() {
    expiryByToken.clear();
  }

  record Issued(String token, long expiresInSeconds) {}
}
