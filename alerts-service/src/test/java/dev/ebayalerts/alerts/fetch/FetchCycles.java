package dev.ebayalerts.alerts.fetch;

import org.springframework.context.ApplicationContext;

/** Lets benchmarks outside this package drive the fetch cycle the Quartz job runs each tick. */
public final class FetchCycles {

  private FetchCycles() {}

  /** Runs what is due now, as one tick of the scheduler does; returns the number of alerts run. */
  public static int runDue(ApplicationContext context) {
    return context.getBean(FetchCycle.class).runDue();
  }

  /** How many searches a tick fetches from eBay at the same time. */
  public static int ebayConcurrency(ApplicationContext context) {
    return context.getBean(FetchSettings.class).ebayConcurrency();
  }

  /** How many cycle jobs the scheduler keeps, each firing every tick, staggered over it. */
  public static int jobs(ApplicationContext context) {
    return context.getBean(FetchSettings.class).cycles();
  }

  /** How many batches of alerts a tick runs at the same time. */
  public static int runConcurrency(ApplicationContext context) {
    return context.getBean(FetchSettings.class).runConcurrency();
  }
}
