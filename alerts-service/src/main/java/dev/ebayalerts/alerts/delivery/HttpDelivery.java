package dev.ebayalerts.alerts.delivery;

import dev.ebayalerts.alerts.channel.EgressGuard;
import dev.ebayalerts.alerts.channel.EgressRefused;
import dev.ebayalerts.alerts.channel.TelegramSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The HTTP POST every HTTP channel sends through, built to survive hostile endpoints: a connect
 * timeout and a total deadline per request (a slow answer is a failure), at most {@link
 * DeliverySettings#maxResponseBytes()} of the answer read (only the status is used), no redirects,
 * no connection reuse, and every user-supplied URL passed through the {@link EgressGuard}, whose
 * resolver is the one the connection uses, so the address checked is the address connected to.
 */
@Component
class HttpDelivery implements DisposableBean {

  /** A POST with a JSON body. */
  record Outgoing(URI uri, Map<String, String> headers, String body) {}

  /** The answer: its status and the first bytes of its body. */
  record Answer(int status, String retryAfter) {}

  private final EgressGuard guard;
  private final DeliverySettings settings;
  private final String trustedHost;
  private final CloseableHttpClient client;
  private final ScheduledExecutorService deadlines;

  HttpDelivery(EgressGuard guard, DeliverySettings settings, TelegramSettings telegram) {
    this.guard = guard;
    this.settings = settings;
    // The Telegram Bot API's address is the operator's setting, not a user's.
    this.trustedHost = URI.create(telegram.apiBaseUrl()).getHost().toLowerCase(Locale.ROOT);
    Timeout timeout = Timeout.of(settings.timeout());
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new GuardedResolver())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                            .setSocketTimeout(timeout)
                            .build())
                    // one connection per sender thread, also when all post to the same host
                    .setMaxConnTotal(settings.httpSenders())
                    .setMaxConnPerRoute(settings.httpSenders())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(timeout)
                    .setResponseTimeout(timeout)
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .setConnectionReuseStrategy((request, response, context) -> false)
            .setUserAgent("ebay-alerts")
            .build();
    this.deadlines =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "delivery-deadline");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Posts the message and returns the channel's answer, whatever its status.
   *
   * @throws DeliveryFailed when no answer came in time, or the URL was refused
   */
  Answer post(Outgoing outgoing) throws DeliveryFailed {
    boolean trusted = trustedHost.equalsIgnoreCase(outgoing.uri().getHost());
    if (!trusted) {
      try {
        guard.check(outgoing.uri().toString());
      } catch (EgressRefused e) {
        throw DeliveryFailed.permanent(e.getMessage(), e.getMessage());
      }
    }
    HttpPost request = new HttpPost(outgoing.uri());
    // JSON is UTF-8 by definition (RFC 8259): no charset parameter, as the channels document.
    request.setEntity(
        new ByteArrayEntity(
            outgoing.body().getBytes(StandardCharsets.UTF_8),
            ContentType.create("application/json")));
    outgoing.headers().forEach(request::setHeader);
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              late.set(true);
              request.cancel();
            },
            settings.timeout().toMillis(),
            TimeUnit.MILLISECONDS);
    ClassicHttpResponse response = null;
    try {
      response = client.executeOpen(null, request, null);
      if (response.getEntity() != null) {
        InputStream body = response.getEntity().getContent();
        body.readNBytes(settings.maxResponseBytes());
        // The rest is never read. Closing the stream would drain it to the end (to reuse the
        // connection): aborting drops the connection instead.
        if (body instanceof EofSensorInputStream sensor) {
          sensor.abort();
        }
      }
      Header retryAfter = response.getFirstHeader("Retry-After");
      return new Answer(response.getCode(), retryAfter == null ? null : retryAfter.getValue());
    } catch (IOException | RuntimeException e) {
      if (late.get()) {
        throw DeliveryFailed.transientFailure(
            "no answer within " + settings.timeout().toMillis() + " ms", "timed out");
      }
      Throwable refused = e.getCause() instanceof RefusedHost ? e.getCause() : e;
      if (refused instanceof RefusedHost host) {
        throw DeliveryFailed.permanent(host.getMessage(), host.getMessage());
      }
      throw DeliveryFailed.transientFailure(
          DeliverySender.describe(e),
          e instanceof java.net.SocketTimeoutException ? "timed out" : "could not connect");
    } finally {
      deadline.cancel(false);
      request.cancel();
      closeQuietly(response);
    }
  }

  /** Once the status is read, a failure to close the connection changes nothing. */
  private static void closeQuietly(ClassicHttpResponse response) {
    if (response != null) {
      try {
        response.close();
      } catch (IOException | RuntimeException e) {
        // the connection is discarded either way
      }
    }
  }

  /**
   * Posts the message; returns normally for a 2xx answer.
   *
   * @throws DeliveryFailed for any other answer, or none
   */
  void send(Outgoing outgoing) throws DeliveryFailed {
    Answer answer = post(outgoing);
    if (answer.status() / 100 != 2) {
      throw failure(answer);
    }
  }

  /** The failure for a non-2xx answer, in the words its owner sees. */
  static DeliveryFailed failure(Answer answer) {
    String status = "HTTP " + answer.status();
    if (answer.status() == 429 && answer.retryAfter() != null) {
      return DeliveryFailed.slowDown(status, seconds(answer.retryAfter()));
    }
    // A webhook that is gone or refuses us will not come back in a minute: parked at once.
    boolean permanent =
        answer.status() == 401
            || answer.status() == 403
            || answer.status() == 404
            || answer.status() == 410;
    String reason = answer.status() >= 500 ? "HTTP 5xx" : status;
    return permanent
        ? DeliveryFailed.permanent(status, reason)
        : DeliveryFailed.transientFailure(status, reason);
  }

  private static Duration seconds(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(60);
    }
  }

  @Override
  public void destroy() throws IOException {
    deadlines.shutdownNow();
    client.close();
  }

  /** The guard's answer at connection time, for the connection to use. */
  private final class GuardedResolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      if (trustedHost.equalsIgnoreCase(host)) {
        return InetAddress.getAllByName(host);
      }
      try {
        return guard.resolve(host).toArray(InetAddress[]::new);
      } catch (EgressRefused e) {
        throw new RefusedHost(e.getMessage());
      }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }

  /** The guard refused the address a host resolves to at connection time. */
  private static final class RefusedHost extends UnknownHostException {
    RefusedHost(String reason) {
      super(reason);
    }
  }
}
