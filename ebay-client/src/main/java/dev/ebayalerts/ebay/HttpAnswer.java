package dev.ebayalerts.ebay;

import java.nio.charset.StandardCharsets;

/** What came back from one HTTP call, read in full so the connection is released at once. */
record HttpAnswer(int status, String retryAfter, byte[] body) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** 429 and 5xx: eBay's transient failures, worth another attempt. */
  boolean isTransientFailure() {
    return status == 429 || status >= 500;
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
