package dev.ebayalerts.analytics.digest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Unsubscribe links to alerts-service's {@code /unsubscribe/{token}} page, which pauses the alert.
 * The token format is alerts-service's ({@code UnsubscribeLinks} there): the alert id followed by
 * an HMAC-SHA256 over a purpose string and the id, base64url without padding. Both services' tests
 * check the same fixed vector, so the two cannot drift apart.
 */
@Component
class UnsubscribeLinks {

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PURPOSE =
      "ebay-alerts:unsubscribe:v1\0".getBytes(StandardCharsets.UTF_8);
  private static final int ID_BYTES = 16;
  private static final int MAC_BYTES = 32;

  private final LinkSettings settings;
  private final SecretKeySpec key;

  UnsubscribeLinks(LinkSettings settings) {
    this.settings = settings;
    this.key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  String urlFor(UUID alertId) {
    return settings.baseUrl() + "/unsubscribe/" + tokenFor(alertId);
  }

  String tokenFor(UUID alertId) {
    byte[] id =
        ByteBuffer.allocate(ID_BYTES)
            .putLong(alertId.getMostSignificantBits())
            .putLong(alertId.getLeastSignificantBits())
            .array();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(ByteBuffer.allocate(ID_BYTES + MAC_BYTES).put(id).put(mac(id)).array());
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
}
