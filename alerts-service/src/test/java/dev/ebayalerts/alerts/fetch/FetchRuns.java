package dev.ebayalerts.alerts.fetch;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs fetch cycles for tests of other features, which cannot see the fetch package's classes. */
public final class FetchRuns {

  private FetchRuns() {}

  /** Makes the alert due now (its search's stored result is old) and runs what is due. */
  public static int runNow(ApplicationContext context, String alertId) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    jdbc.sql("update search_result set fetched_at = fetched_at - interval '1 hour'").update();
    jdbc.sql("update alert set next_run_at = now() - interval '1 second' where id = ?::uuid")
        .param(alertId)
        .update();
    return context.getBean(FetchCycle.class).runDue();
  }

  /**
   * Makes the alerts due now, all at the same moment (their search's stored results are old), and
   * runs what is due: up to {@code alerts.fetch.run-batch-size} of them in one transaction.
   */
  public static int runTogether(ApplicationContext context, java.util.List<String> alertIds) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    jdbc.sql("update search_result set fetched_at = fetched_at - interval '1 hour'").update();
    jdbc.sql("update alert set next_run_at = now() - interval '1 second' where id = any(?::uuid[])")
        .param(alertIds.toArray(String[]::new))
        .update();
    return context.getBean(FetchCycle.class).runDue();
  }
}
