package dev.ebayalerts.alerts.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.ebayalerts.alerts.account.SignInLinks;
import dev.ebayalerts.alerts.delivery.Deliveries;
import dev.ebayalerts.alerts.delivery.NoticeListing;
import dev.ebayalerts.alerts.delivery.NoticePayload;
import dev.ebayalerts.alerts.fetch.FetchRuns;
import dev.ebayalerts.alerts.support.ChannelStub;
import dev.ebayalerts.alerts.support.EbayStub;
import dev.ebayalerts.alerts.support.EbayStub.Item;
import dev.ebayalerts.alerts.support.IntegrationTest;
import dev.ebayalerts.alerts.support.Sessions;
import dev.ebayalerts.alerts.support.TestAlerts;
import dev.ebayalerts.testing.Smtp;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** Each alert's Atom feed: what it lists, in which order, and how readers poll it cheaply. */
@IntegrationTest
class FeedTests {

  @Autowired RestTestClient http;
  @Autowired SignInLinks signInLinks;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired Deliveries deliveries;
  @Autowired org.springframework.context.ApplicationContext context;
  @Autowired PlatformTransactionManager transactions;

  /** Later than the alerts' own changes, so the notices decide the feed's updated time. */
  private static final Instant T0 =
      Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

  @Test
  void listsTheNewListingsAndPriceDropsTheAlertReportedNewestFirst() throws Exception {
    String owner = recipient("order");
    Map<?, ?> alert = createAlert(owner, "leica m6 feed");
    UUID id = UUID.fromString(alert.get("id").toString());
    told(id, owner, T0, listing("1", "Leica M6 body", "1899.00", null));
    told(
        id,
        owner,
        T0.plus(Duration.ofHours(1)),
        listing("2", "Leica M6 TTL", "2100.50", null),
        listing("1", "Leica M6 body", "1700.00", "1899.00"));

    Feed feed = parse(get(feedPath(alert)));

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getTitle()).contains("leica m6 feed");
    assertThat(feed.getOtherLinks())
        .anySatisfy(
            link -> {
              assertThat(link.getRel()).isEqualTo("self");
              assertThat(link.getHref()).isEqualTo(alert.get("feedUrl"));
            });
    assertThat(feed.getUpdated().toInstant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    List<Entry> entries = feed.getEntries();
    assertThat(entries)
        .extracting(Entry::getTitle)
        .containsExactly(
            "New: Leica M6 TTL – $2,100.50",
            "Price drop: Leica M6 body – $1,899.00 → $1,700.00",
            "New: Leica M6 body – $1,899.00");
    assertThat(entries)
        .extracting(entry -> entry.getUpdated().toInstant())
        .containsExactly(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)), T0);
    assertThat(entries)
        .extracting(entry -> alternate(entry).getHref())
        .containsExactly(
            "https://www.ebay.com/itm/2",
            "https://www.ebay.com/itm/1",
            "https://www.ebay.com/itm/1");
    assertThat(entries.get(1).getOtherLinks())
        .extracting(Link::getRel, Link::getHref)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "enclosure", "https://i.ebayimg.com/images/g/1/s-l225.jpg"));
    assertThat(entries.get(1).getContents().get(0).getValue())
        .contains("<s>$1,899.00</s>", "<strong>$1,700.00</strong>", "<img src=");
    assertThat(entries).extracting(Entry::getId).doesNotHaveDuplicates();
  }

  @Test
  void anotherAlertsItemsNeverAppear() throws Exception {
    String owner = recipient("mine");
    String stranger = recipient("theirs");
    Map<?, ?> mine = createAlert(owner, "rolex mine");
    UUID mineId = UUID.fromString(mine.get("id").toString());
    UUID sameOwnerOther = UUID.fromString(createAlert(owner, "rolex other").get("id").toString());
    UUID strangers = UUID.fromString(createAlert(stranger, "rolex mine").get("id").toString());
    told(mineId, owner, T0, listing("10", "Rolex mine", "9000.00", null));
    told(sameOwnerOther, owner, T0.plusSeconds(60), listing("11", "Rolex other", "8000.00", null));
    told(
        strangers, stranger, T0.plusSeconds(120), listing("12", "Rolex stranger", "7000.00", null));

    List<Entry> entries = parse(get(feedPath(mine))).getEntries();

    assertThat(entries).extracting(Entry::getTitle).containsExactly("New: Rolex mine – $9,000.00");
  }

  /** The feed depends on no channel: an alert that only posts to Slack lists what Slack got. */
  @Test
  void aSlackOnlyAlertsFeedListsWhatSlackWasTold() throws Exception {
    String owner = recipient("slack");
    String path = "/slack/feed-" + UUID.randomUUID();
    ChannelStub.server()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("ok")));
    EbayStub.listings("feed slack only", Item.of("s1", "Slack-only lamp", "42.00", "seller"));
    Map<?, ?> alert =
        createAlert(
            owner,
            "feed slack only",
            ",\"channels\":[{\"type\":\"SLACK\",\"url\":\"%s\"}]".formatted(ChannelStub.url(path)));

    FetchRuns.runNow(context, alert.get("id").toString());

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !ChannelStub.server()
                    .findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path)))
                    .isEmpty());
    assertThat(parse(get(feedPath(alert))).getEntries())
        .extracting(Entry::getTitle)
        .containsExactly("New: Slack-only lamp – $42.00");
    assertThat(
            jdbc.sql(
                    "select count(*) from delivery d join alert_channel c on c.id = d.channel_id"
                        + " where d.alert_id = ?::uuid and c.type = 'EMAIL'")
                .param(alert.get("id").toString())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aRepeatedRequestWithTheEtagOrTheLastModifiedTimeGets304() {
    String owner = recipient("conditional");
    Map<?, ?> alert = createAlert(owner, "switch conditional");
    UUID id = UUID.fromString(alert.get("id").toString());
    told(id, owner, T0, listing("30", "Nintendo Switch", "300.00", null));
    String path = feedPath(alert);

    EntityExchangeResult<byte[]> first = get(path);
    String etag = first.getResponseHeaders().getETag();
    long lastModified = first.getResponseHeaders().getLastModified();
    assertThat(etag).isNotBlank();
    assertThat(Instant.ofEpochMilli(lastModified)).isAfterOrEqualTo(T0);

    http.get()
        .uri(path)
        .header(HttpHeaders.IF_NONE_MATCH, etag)
        .exchange()
        .expectStatus()
        .isNotModified()
        .expectHeader()
        .valueEquals(HttpHeaders.ETAG, etag)
        .expectBody()
        .isEmpty();
    http.get()
        .uri(path)
        .header(HttpHeaders.IF_MODIFIED_SINCE, httpDate(lastModified))
        .exchange()
        .expectStatus()
        .isNotModified();

    // Something new: the same validators no longer match.
    told(id, owner, T0.plusSeconds(60), listing("31", "Switch OLED", "350.00", null));
    EntityExchangeResult<byte[]> changed =
        http.get()
            .uri(path)
            .header(HttpHeaders.IF_NONE_MATCH, etag)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult();
    assertThat(changed.getResponseHeaders().getETag()).isNotEqualTo(etag);
    http.get()
        .uri(path)
        .header(HttpHeaders.IF_MODIFIED_SINCE, httpDate(lastModified))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void anUnknownTokenIs404AsAProblemDetail() {
    http.get()
        .uri("/feeds/{token}.atom", "no-such-feed-token-0000000000000000")
        .accept(MediaType.APPLICATION_ATOM_XML)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Feed not found")
        .jsonPath("$.status")
        .isEqualTo(404);
  }

  @Test
  void theFeedUrlIsPartOfTheAlertAndUnguessable() {
    String owner = recipient("url");
    Map<?, ?> created = createAlert(owner, "camera url");
    String feedUrl = (String) created.get("feedUrl");
    assertThat(feedUrl).matches("http://localhost:8080/feeds/[A-Za-z0-9_-]{32,64}\\.atom");
    RestTestClient client = Sessions.signedIn(http, signInLinks, owner);

    client
        .get()
        .uri("/api/alerts/{id}", created.get("id"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.feedUrl")
        .isEqualTo(feedUrl);
    client
        .get()
        .uri("/api/alerts")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.content[0].feedUrl")
        .isEqualTo(feedUrl);
    String other = (String) createAlert(owner, "camera url 2").get("feedUrl");
    assertThat(other).isNotEqualTo(feedUrl);
  }

  @Test
  void replacingTheTokenRetiresTheOldUrl() {
    String owner = recipient("rotate");
    Map<?, ?> alert = createAlert(owner, "lego rotate");
    String oldPath = feedPath(alert);
    get(oldPath);

    Map<?, ?> replaced =
        Sessions.signedIn(http, signInLinks, owner)
            .post()
            .uri("/api/alerts/{id}/feed-token", alert.get("id"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    String newUrl = (String) replaced.get("feedUrl");
    assertThat(newUrl).isNotEqualTo(alert.get("feedUrl"));
    http.get().uri(oldPath).exchange().expectStatus().isNotFound();
    get(URI.create(newUrl).getPath());
    Sessions.signedIn(http, signInLinks, owner)
        .get()
        .uri("/api/alerts/{id}", alert.get("id"))
        .exchange()
        .expectBody()
        .jsonPath("$.feedUrl")
        .isEqualTo(newUrl);
  }

  @Test
  void onlyTheOwnerCanReplaceTheToken() {
    Map<?, ?> alert = createAlert(recipient("owner"), "lego owner");

    Sessions.signedIn(http, signInLinks, recipient("intruder"))
        .post()
        .uri("/api/alerts/{id}/feed-token", alert.get("id"))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Alert not found");
    http.post()
        .uri("/api/alerts/{id}/feed-token", alert.get("id"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    get(feedPath(alert)); // unchanged
  }

  @Test
  void theAlertEmailLinksToTheFeed() throws Exception {
    String owner = recipient("email");
    Map<?, ?> alert = createAlert(owner, "ipod email");
    UUID id = UUID.fromString(alert.get("id").toString());
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status ->
                deliveries.deliver(
                    new NoticePayload(
                        id,
                        "ipod email",
                        false,
                        List.of(listing("40", "iPod", "99.00", null)),
                        Map.of()),
                    Instant.now()));

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !Smtp.forTests().receivedBy(owner).isEmpty());
    MimeMessage message = Smtp.forTests().receivedBy(owner).get(0);
    assertThat(parts(message))
        .hasSize(2)
        .allSatisfy(body -> assertThat(body).contains((String) alert.get("feedUrl")));
  }

  /** The decoded text and HTML bodies of an alert email. */
  private static List<String> parts(MimeMessage message) throws Exception {
    MimeMultipart alternative = (MimeMultipart) message.getContent();
    List<String> bodies = new java.util.ArrayList<>();
    for (int i = 0; i < alternative.getCount(); i++) {
      bodies.add((String) alternative.getBodyPart(i).getContent());
    }
    return bodies;
  }

  private Map<?, ?> createAlert(String email, String phrase) {
    return createAlert(email, phrase, "");
  }

  private Map<?, ?> createAlert(String email, String phrase, String more) {
    return TestAlerts.create(Sessions.signedIn(http, signInLinks, email), email, phrase, more);
  }

  /** What a run told, as the notifier stores it, decided at {@code at}. */
  private UUID told(UUID alertId, String recipient, Instant at, NoticeListing... listings) {
    UUID id = UUID.randomUUID();
    String payload =
        json.writeValueAsString(
            new NoticePayload(alertId, "phrase", false, List.of(listings), Map.of()));
    jdbc.sql(
            "insert into notice (id, alert_id, payload, created_at) values (?, ?, cast(? as jsonb), ?)")
        .params(id, alertId, payload, Timestamp.from(at))
        .update();
    return id;
  }

  private static NoticeListing listing(String id, String title, String price, String previous) {
    return new NoticeListing(
        id,
        title,
        new BigDecimal(price),
        "USD",
        previous == null ? null : new BigDecimal(previous),
        "https://i.ebayimg.com/images/g/" + id + "/s-l225.jpg",
        "https://www.ebay.com/itm/" + id,
        "Used",
        "FIXED_PRICE",
        null,
        List.of());
  }

  private EntityExchangeResult<byte[]> get(String path) {
    return http.get()
        .uri(path)
        .accept(MediaType.APPLICATION_ATOM_XML)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.OK)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_ATOM_XML)
        .expectBody(byte[].class)
        .returnResult();
  }

  private static Feed parse(EntityExchangeResult<byte[]> response) throws Exception {
    String xml = new String(response.getResponseBody(), StandardCharsets.UTF_8);
    return (Feed) new WireFeedInput().build(new StringReader(xml));
  }

  private static Link alternate(Entry entry) {
    return entry.getAlternateLinks().get(0);
  }

  private static String feedPath(Map<?, ?> alert) {
    return URI.create((String) alert.get("feedUrl")).getPath();
  }

  private static String recipient(String test) {
    return "feed-" + test + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  private static String httpDate(long epochMillis) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(
            Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS),
            java.time.ZoneOffset.UTC));
  }
}
