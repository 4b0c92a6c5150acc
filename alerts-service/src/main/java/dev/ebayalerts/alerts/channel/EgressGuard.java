package dev.ebayalerts.alerts.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps user-supplied URLs (webhooks, Discord, Slack) away from this service's own network: the
 * host is resolved once, and every address it resolves to must be public (not loopback, private,
 * link-local, the cloud metadata address, unique-local IPv6, multicast or unspecified), the port
 * must be the scheme's default, and a bare name such as a compose service ({@code redis}) is
 * refused. {@link ChannelSettings} lets the operator allow named hosts, or private addresses.
 *
 * <p>It runs when a channel is saved (so its owner gets a clear error) and again for every
 * connection, through {@link #resolve}, whose checked addresses are the ones connected to: a host
 * that answers DNS with a public address at save time and a private one later (DNS rebinding) is
 * refused at send time.
 */
@Component
public class EgressGuard {

  /**
   * Resolves a host name to all its addresses: {@link InetAddress#getAllByName} unless a bean of
   * this type is defined (tests give names fixed answers with one).
   */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final ChannelSettings settings;
  private final Resolver resolver;

  @Autowired
  EgressGuard(ChannelSettings settings, ObjectProvider<Resolver> resolver) {
    this(settings, resolver.getIfAvailable(() -> InetAddress::getAllByName));
  }

  EgressGuard(ChannelSettings settings, Resolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
  }

  /**
   * Checks a URL before it is stored or used.
   *
   * @throws EgressRefused naming the kind of destination refused
   */
  public void check(String url) throws EgressRefused {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new EgressRefused("not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new EgressRefused("only http and https URLs are allowed");
    }
    if (uri.getHost() == null) {
      throw new EgressRefused("the URL names no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new EgressRefused("user names and passwords in the URL are not allowed");
    }
    String host = host(uri);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    if (!defaultPort && !settings.allowPrivate() && !settings.allowed(host)) {
      throw new EgressRefused("only the default port is allowed");
    }
    resolve(host);
  }

  /**
   * The addresses to connect to for {@code host}, each checked: resolved once, so the connection
   * goes to the address that was checked.
   *
   * @throws EgressRefused when the host is not allowed or resolves to an address that is not
   */
  public List<InetAddress> resolve(String host) throws EgressRefused {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean trusted = settings.allowed(name);
    if (!trusted && !settings.allowPrivate() && !literal(name) && name.indexOf('.') < 0) {
      throw new EgressRefused("not a public host name");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(name);
    } catch (UnknownHostException e) {
      throw new EgressRefused("the host name does not resolve");
    }
    if (addresses == null || addresses.length == 0) {
      throw new EgressRefused("the host name does not resolve");
    }
    if (!trusted) {
      for (InetAddress address : addresses) {
        String kind = forbidden(address);
        if (kind != null && !(settings.allowPrivate() && !kind.equals("metadata address"))) {
          throw new EgressRefused(kind);
        }
      }
    }
    return List.of(addresses);
  }

  /** What kind of non-public address this is, or null for a public one. */
  static String forbidden(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      InetAddress embedded = embeddedIpv4(b);
      if (embedded != null) {
        return forbidden(embedded);
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return b[0] == (byte) 0xfd
                && b[1] == (byte) 0x00
                && b[2] == (byte) 0x0e
                && b[3] == (byte) 0xc2
            ? "metadata address" // fd00:ec2::254, the AWS metadata service over IPv6
            : "private address"; // fc00::/7, unique local
      }
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified address";
    }
    if (address.isLoopbackAddress()) {
      return "loopback address";
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 169 && second == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
        return "metadata address";
      }
      if (first == 0) {
        return "unspecified address";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "private address"; // 100.64.0.0/10, carrier-grade NAT
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "private address"; // 198.18.0.0/15, benchmarking
      }
      if (first >= 240) {
        return "reserved address"; // 240.0.0.0/4 and the broadcast address
      }
    }
    if (address.isLinkLocalAddress()) {
      return "link-local address";
    }
    if (address.isSiteLocalAddress()) {
      return "private address";
    }
    if (address.isMulticastAddress()) {
      return "multicast address";
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}) or NAT64 IPv6 address. */
  private static InetAddress embeddedIpv4(byte[] b) {
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    boolean nat64 =
        b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b; // 64:ff9b::/96
    if (!mapped && !nat64) {
      return null;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String host(URI uri) {
    String host = uri.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean literal(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }
}
