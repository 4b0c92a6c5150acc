package dev.ebayalerts.alerts.channel;

/**
 * A user-supplied URL this service will not connect to. The message is safe to show its owner: it
 * says what kind of destination was refused ("refused: private address"), never what answered.
 */
public class EgressRefused extends Exception {

  EgressRefused(String reason) {
    super("refused: " + reason, null, false, false);
  }
}
