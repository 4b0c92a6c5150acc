package dev.ebayalerts.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) for tests, on a free port, started once per test JVM. It can be
 * stopped and started again on the same port to play a mail server outage; messages received before
 * a restart are forgotten.
 */
public final class Smtp {

  private static Smtp shared;

  private final int port;
  private GreenMail server;

  private Smtp(int port) {
    this.port = port;
  }

  public static synchronized Smtp forTests() {
    if (shared == null) {
      shared = new Smtp(freePort());
      shared.start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  public int port() {
    return port;
  }

  public synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Messages received (since the last start) for this recipient, oldest first. */
  public synchronized List<MimeMessage> receivedBy(String recipient) {
    if (server == null) {
      return List.of();
    }
    return Arrays.stream(server.getReceivedMessages())
        .filter(message -> isFor(message, recipient))
        .toList();
  }

  private static boolean isFor(MimeMessage message, String recipient) {
    try {
      Address[] to = message.getAllRecipients();
      return to != null
          && Arrays.stream(to)
              .anyMatch(
                  address ->
                      address instanceof InternetAddress internet
                          && internet.getAddress().equalsIgnoreCase(recipient));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
