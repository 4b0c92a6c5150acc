package dev.ebayalerts.alerts.channel;

import java.util.UUID;

/** A channel was enabled again by its owner: what waited for it may go out now. */
public record ChannelEnabled(UUID channelId) {}
