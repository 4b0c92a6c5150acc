package dev.ebayalerts.pubsub.links;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed unsubscribe links to alerts-service's {@code /unsubscribe/{token}} page, which pauses the
 * alert. alerts-service makes them for alert emails and reads them; analytics-service makes them
 * for insight emails. The token is the alert id followed by an HMAC-SHA256 over a purpose string
 * and the id, base64url without padding: only a holder of the link secret can make one, and a token
 * made for another purpose is never accepted as an unsubscribe token. Links in emails already sent
 * must keep working, so the format only changes with a new purpose version.
 */
public final class UnsubscribeLinks {

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PURPOSE =
      "ebay-alerts:unsubscribe:v1\0".getBytes(StandardCharsets.UTF_8);
  private static final int ID_BYTES = 16;
  private static final int MAC_BYTES = 32;
  private static final int TOKEN_LENGTH = 64; // base64url of 48 bytes

  private final LinkSettings settings;
  private final SecretKeySpec key;

  public UnsubscribeLinks(LinkSettings settings) {
    this.settings = settings;
    this.key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The page that unsubscribes from {@code alertId}. */
  public String urlFor(UUID alertId) {
    return settings.baseUrl() + "/unsubscribe/" + tokenFor(alertId);
  }

  public String tokenFor(UUID alertId) {
    byte[] id = bytes(alertId);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(ByteBuffer.allocate(ID_BYTES + MAC_BYTES).put(id).put(mac(id)).array());
  }

  /** The alert a token was made for; empty for anything not signed with this secret. */
  public Optional<UUID> alertIdOf(String token) {
    if (token == null || token.length() != TOKEN_LENGTH) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (decoded.length != ID_BYTES + MAC_BYTES) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(decoded);
    byte[] id = new byte[ID_BYTES];
    byte[] mac = new byte[MAC_BYTES];
    buffer.get(id).get(mac);
    if (!MessageDigest.isEqual(mac, mac(id))) { // constant time: no timing oracle for forgeries
      return Optional.empty();
    }
    ByteBuffer ids = ByteBuffer.wrap(id);
    return Optional.of(new UUID(ids.getLong(), ids.getLong()));
  }

  private byte[] mac(byte[] id) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe, and cheap to get
      mac.init(key);
      mac.update(PURPOSE);
      return mac.doFinal(id);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(ID_BYTES)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }
}
