package dev.ebayalerts.alerts.account;

/**
 * What an address uses of what it may: shown with the session, so people see their limits before
 * they reach them. Implemented where the alerts are.
 */
public interface Usage {

  /** One limit: how much is used of how much is allowed. */
  record Limit(long used, long max) {}

  /** The address's limits. */
  record Limits(Limit alerts, Limit searches, Limit ebayCallsToday) {}

  Limits of(String email);
}
