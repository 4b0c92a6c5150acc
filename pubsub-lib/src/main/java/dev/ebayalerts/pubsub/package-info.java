/**
 * Event contracts shared by the services and their transport over Redis.
 *
 * <h2>Contracts</h2>
 *
 * {@link dev.ebayalerts.pubsub.Event} is sealed: {@link dev.ebayalerts.pubsub.AlertCreated}, {@link
 * dev.ebayalerts.pubsub.AlertUpdated}, {@link dev.ebayalerts.pubsub.AlertDeleted} (each carrying
 * the full {@link dev.ebayalerts.pubsub.AlertState}) and {@link
 * dev.ebayalerts.pubsub.ListingsObserved}. On the wire an event is one JSON object: the record's
 * components plus {@code "type"} and {@code "version"}, for example
 *
 * <pre>{@code
 * {"type":"ListingsObserved","version":1,"eventId":"6f1c…","occurredAt":"2025-03-01T10:15:30.123456Z",
 *  "alertId":"0b7e…","query":"leica m6","listings":[{"itemId":"v1|123|0","title":"Leica M6",
 *  "price":1899.00,"currency":"EUR", …,"shippingCost":4.90,"shippingType":"FIXED"}],
 *  "marketplace":"EBAY_DE"}
 * }</pre>
 *
 * Instants are ISO-8601 strings, money is a JSON number that keeps its scale. Readers ignore
 * unknown properties and dead-letter (Streams) or drop (Pub/Sub) unknown types and versions newer
 * than they know.
 *
 * <h2>Using it</h2>
 *
 * Add the module and Spring Boot's Redis connection settings ({@code spring.data.redis.*}).
 *
 * <ul>
 *   <li>A <b>publishing</b> application injects {@link dev.ebayalerts.pubsub.Publisher} and calls
 *       {@code publish(AlertCreated.of(state))}. It starts no consumer thread.
 *   <li>A <b>consuming</b> application declares {@link dev.ebayalerts.pubsub.EventHandler} beans,
 *       e.g. {@code class ListingsRecorder implements EventHandler<ListingsObserved>}, and sets its
 *       own {@code pubsub.group}. The subscriber starts once the context is ready. A {@link
 *       dev.ebayalerts.pubsub.BatchEventHandler} additionally receives each read batch (up to
 *       {@code pubsub.batch-size} events) in one call, e.g. to apply it in one transaction; when
 *       the batch fails its events are handled one by one.
 * </ul>
 *
 * Settings are listed in {@link dev.ebayalerts.pubsub.PubSubProperties}. Because publishing is
 * synchronous, set {@code spring.data.redis.timeout} (e.g. 2s) so a publish fails fast when Redis
 * is down instead of waiting for Lettuce's 60 s default.
 *
 * <h2>Delivery guarantees</h2>
 *
 * <h3>Redis Streams ({@code pubsub.transport=streams}, the default): at-least-once</h3>
 *
 * <ul>
 *   <li>Events are appended to one stream ({@code pubsub.stream}), which keeps them while consumers
 *       are down. Every {@code pubsub.trim-interval} a trimmer removes ({@code XTRIM MINID ~}) only
 *       the entries every consumer group has received and acknowledged; a stream without groups is
 *       not trimmed that way, so events wait for the first consumer.
 *   <li>Each consuming application reads through its own consumer group ({@code pubsub.group}); the
 *       instances of that application share the group, so each event is processed by one instance.
 *       A new group starts at the beginning of the retained stream.
 *   <li>A message is acknowledged only after every matching handler returned. If a handler throws,
 *       or the instance dies mid-way, the message is delivered again (to any instance of the group)
 *       once it has been unacknowledged for {@code pubsub.claim-idle}.
 *   <li>A message still failing at delivery {@code pubsub.max-deliveries}, and any message that
 *       cannot be read (malformed JSON, unknown type, newer version), is moved to the dead-letter
 *       stream ({@code pubsub.dead-letter-stream}) and acknowledged, so it never blocks the ones
 *       after it. A dead-letter entry keeps the original fields ({@code event}, {@code type}) and
 *       adds {@code reason} ({@code UNREADABLE}, {@code HANDLER_FAILED} or {@code
 *       NOT_ACKNOWLEDGED}), {@code error}, {@code sourceStream}, {@code sourceId}, {@code group},
 *       {@code consumer}, {@code deliveries} and {@code deadLetteredAt}. Re-publishing its {@code
 *       event} field with XADD replays it.
 *   <li>Hence the same event can be handled more than once (redelivery, publisher retries) and
 *       events can be handled out of order (a retried event arrives after later ones; instances run
 *       in parallel). <b>Consumers must be idempotent on {@code eventId} and tolerate any
 *       order</b>; alert events carry the alert's {@code version} for that.
 *   <li>The stream never fills Redis, and never drops an entry to make room: publishing is
 *       <b>refused</b> ({@link dev.ebayalerts.pubsub.PublishFailed}, nothing written) while the
 *       stream holds {@code pubsub.max-length} entries (1,000,000) or Redis's used memory is at
 *       {@code pubsub.max-memory-fill} (75%) of its {@code maxmemory}, checked atomically with each
 *       XADD. The publisher keeps the event (alerts-service's outbox retries it) until consumers
 *       catch up; the rest of maxmemory stays free for the other keys in Redis (the eBay token and
 *       call budget, which a Redis full under {@code maxmemory-policy noeviction} would refuse).
 *       From 80% of either limit a WARN is logged; the {@code pubsub.stream.fill} and {@code
 *       pubsub.redis.memory.fill} gauges show them. The dead-letter stream is trimmed to about
 *       {@code pubsub.max-length} (its oldest dead letters go) and refused at the memory limit.
 *   <li>Metrics (when a Micrometer registry exists): counters {@code pubsub.published}, {@code
 *       pubsub.publish.failed}, {@code pubsub.consumed}, {@code pubsub.deadlettered}; gauges {@code
 *       pubsub.stream.length}, {@code pubsub.stream.pending}, {@code pubsub.stream.lag}, {@code
 *       pubsub.stream.fill}, {@code pubsub.deadletter.length}, {@code pubsub.redis.memory.fill},
 *       refreshed by the trimmer.
 *   <li>Durability is Redis's: events not yet persisted when Redis loses its memory are gone. The
 *       consumer survives Redis restarts (it reconnects and recreates its group).
 * </ul>
 *
 * <h3>Redis Pub/Sub ({@code pubsub.transport=pubsub}): at-most-once</h3>
 *
 * The transport of the original design, kept as an option. Redis forwards each message only to the
 * subscribers connected at that moment and stores nothing. Events published while no instance is
 * subscribed (deploys, restarts, network blips) are lost without an error; there is no
 * acknowledgement, no redelivery and no dead-letter stream: a handler failure or an unreadable
 * message is logged and the event is gone. Every connected instance receives every event, so
 * several instances do not share the load but each process everything. Use it only for data that
 * may be lost.
 */
package dev.ebayalerts.pubsub;
