package dev.ebayalerts.alerts.support;

import dev.ebayalerts.alerts.channel.EgressGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed DNS answers for names under {@code .dns.test} (a reserved top-level domain that never
 * resolves for real), so tests can point a channel URL at a name that resolves to whatever they
 * need, and change the answer between saving and sending. Every other name resolves as usual.
 */
public final class TestDns implements EgressGuard.Resolver {

  private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

  /** From now on {@code name} resolves to {@code address}. */
  public static void answer(String name, String address) {
    ANSWERS.put(name, address);
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String address = ANSWERS.get(host);
    if (address != null) {
      return new InetAddress[] {InetAddress.getByName(address)};
    }
    if (host.endsWith(".dns.test")) {
      throw new UnknownHostException(host);
    }
    return InetAddress.getAllByName(host);
  }
}
