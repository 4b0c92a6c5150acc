package dev.ebayalerts.alerts.channel;

/** Where an alert's notices go: each type is one channel sender of the delivery outbox. */
public enum ChannelType {
  EMAIL(Integer.MAX_VALUE),
  /** Any HTTPS endpoint: signed JSON with the alert and its listings. */
  WEBHOOK(50),
  /** A Discord incoming webhook: up to 10 embeds a message. */
  DISCORD(10),
  /** A Slack incoming webhook: a section block per listing (at most 50 blocks a message). */
  SLACK(20),
  /** A Telegram chat, through the operator's bot. */
  TELEGRAM(10);

  private final int listingsPerMessage;

  ChannelType(int listingsPerMessage) {
    this.listingsPerMessage = listingsPerMessage;
  }

  /** The most listings one message of this channel holds; more are split into several. */
  public int listingsPerMessage() {
    return listingsPerMessage;
  }

  public boolean needsUrl() {
    return this == WEBHOOK || this == DISCORD || this == SLACK;
  }
}
