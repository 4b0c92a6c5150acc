package dev.ebayalerts.analytics.insight;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Insights over another database than the test context's, for tests that build their own. */
public final class InsightsFor {

  private InsightsFor() {}

  /** The service's insights (14-day window, 5 listings per list) over that database. */
  public static Insights database(DataSource dataSource, Clock clock) {
    return new Insights(
        JdbcClient.create(dataSource),
        new InsightSettings(Duration.ofDays(14), 5, Duration.ofDays(1), 2),
        clock,
        new DataSourceTransactionManager(dataSource),
        // batches one after the other, on the caller's thread
        new TaskExecutorAdapter(Runnable::run));
  }
}
