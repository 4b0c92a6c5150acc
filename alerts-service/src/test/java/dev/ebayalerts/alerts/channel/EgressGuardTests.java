package dev.ebayalerts.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which channel URLs the egress guard lets through, with a fake DNS. */
class EgressGuardTests {

  /** Names and what they resolve to; anything else does not resolve. */
  static final Map<String, String> DNS =
      Map.of(
          "hooks.example.com", "93.184.215.14",
          "intranet.example.com", "10.0.0.5",
          "rebound.example.com", "169.254.169.254",
          "mixed.example.com", "93.184.215.14,192.168.1.10",
          "v6.example.com", "2606:4700::6810:84e5",
          "ula.example.com", "fd12:3456::1",
          "mapped.example.com", "::ffff:127.0.0.1",
          "lan-hook", "192.168.1.20");

  static EgressGuard guard(List<String> allowedHosts, boolean allowPrivate) {
    return new EgressGuard(
        new ChannelSettings(allowedHosts, allowPrivate),
        host -> {
          String addresses = DNS.get(host);
          if (addresses == null) {
            try {
              // literals resolve to themselves without DNS
              return new InetAddress[] {InetAddress.getByName(host)};
            } catch (UnknownHostException e) {
              throw e;
            }
          }
          String[] parts = addresses.split(",");
          InetAddress[] resolved = new InetAddress[parts.length];
          for (int i = 0; i < parts.length; i++) {
            resolved[i] = InetAddress.getByName(parts[i]);
          }
          return resolved;
        });
  }

  final EgressGuard guard = guard(List.of(), false);

  @Test
  void publicHostsOnDefaultPortsPass() {
    assertThatCode(() -> guard.check("https://hooks.example.com/services/T0/B0/x"))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.check("http://hooks.example.com:80/x")).doesNotThrowAnyException();
    assertThatCode(() -> guard.check("https://v6.example.com:443/x")).doesNotThrowAnyException();
  }

  @Test
  void internalDestinationsAreRefusedWithTheKindOfAddress() {
    assertRefused("http://127.0.0.1/hook", "refused: loopback address");
    assertThatThrownBy(() -> guard.check("http://2130706433/hook"))
        .isInstanceOf(EgressRefused.class);
    assertRefused("https://10.0.0.5/hook", "refused: private address");
    assertRefused("https://172.16.3.4/hook", "refused: private address");
    assertRefused("https://192.168.0.1/hook", "refused: private address");
    assertRefused("https://100.64.0.1/hook", "refused: private address");
    assertRefused("http://169.254.169.254/latest/meta-data/", "refused: metadata address");
    assertRefused("http://169.254.10.10/", "refused: link-local address");
    assertRefused("http://[::1]/hook", "refused: loopback address");
    assertRefused("http://[fe80::1]/hook", "refused: link-local address");
    assertRefused("http://[fd00:ec2::254]/", "refused: metadata address");
    assertRefused("http://0.0.0.0/hook", "refused: unspecified address");
    assertRefused("http://224.0.0.1/hook", "refused: multicast address");
    assertRefused("http://intranet.example.com/hook", "refused: private address");
    assertRefused("http://ula.example.com/hook", "refused: private address");
    assertRefused("http://mapped.example.com/hook", "refused: loopback address");
    // one private address among public ones is enough: the connection could pick it
    assertRefused("http://mixed.example.com/hook", "refused: private address");
    assertRefused("http://rebound.example.com/hook", "refused: metadata address");
  }

  @Test
  void namesPortsAndSchemesThatLeadInsideAreRefused() {
    assertRefused("http://redis/hook", "refused: not a public host name");
    assertRefused("http://alerts-db:5432/", "refused: only the default port is allowed");
    assertRefused("https://hooks.example.com:6379/", "refused: only the default port is allowed");
    assertRefused("ftp://hooks.example.com/", "refused: only http and https URLs are allowed");
    assertRefused(
        "https://user:pw@hooks.example.com/",
        "refused: user names and passwords in the URL are not allowed");
    assertRefused("https://nowhere.example.com/", "refused: the host name does not resolve");
  }

  @Test
  void theOperatorCanAllowNamedHostsOrPrivateAddressesButNeverMetadata() {
    EgressGuard named = guard(List.of("lan-hook", "Intranet.Example.com"), false);
    assertThatCode(() -> named.check("http://lan-hook:8123/api/webhook/x"))
        .doesNotThrowAnyException();
    assertThatCode(() -> named.check("https://intranet.example.com/hook"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> named.check("https://10.0.0.5/hook"))
        .hasMessage("refused: private address");

    EgressGuard lan = guard(List.of(), true);
    assertThatCode(() -> lan.check("http://192.168.1.20:8123/hook")).doesNotThrowAnyException();
    assertThatCode(() -> lan.check("http://lan-hook/hook")).doesNotThrowAnyException();
    assertThatThrownBy(() -> lan.check("http://169.254.169.254/latest/"))
        .hasMessage("refused: metadata address");
  }

  @Test
  void theAddressesReturnedAreTheOnesChecked() throws Exception {
    assertThat(guard.resolve("hooks.example.com"))
        .containsExactly(InetAddress.getByName("93.184.215.14"));
    assertThatThrownBy(() -> guard.resolve("intranet.example.com"))
        .isInstanceOf(EgressRefused.class);
  }

  private void assertRefused(String url, String message) {
    assertThatThrownBy(() -> guard.check(url))
        .as(url)
        .isInstanceOf(EgressRefused.class)
        .hasMessage(message);
  }
}
