package dev.ebayalerts.ebay;

import java.time.Duration;

/** Waits between attempts; tests replace it to record waits instead of sitting through them. */
@FunctionalInterface
interface Sleeper {

  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
