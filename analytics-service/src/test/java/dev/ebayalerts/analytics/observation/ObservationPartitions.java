package dev.ebayalerts.analytics.observation;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The daily partitions of {@code price_observation}, for tests and benchmarks of other packages
 * that need rows of past days in their own partitions, as the service has them after running a
 * while.
 */
public final class ObservationPartitions {

  private ObservationPartitions() {}

  /** Creates the missing daily partitions from {@code first} to {@code last}. */
  public static List<LocalDate> ensure(
      JdbcClient jdbc, PlatformTransactionManager transactions, LocalDate first, LocalDate last) {
    return new Partitions(jdbc, transactions).ensure(first, last);
  }

  /** A day's partition's name. */
  public static String nameOf(LocalDate day) {
    return Partitions.nameOf(day);
  }

  /** Drops a partition with its rows, as retention does. */
  public static boolean drop(
      JdbcClient jdbc, PlatformTransactionManager transactions, String partition) {
    return new Partitions(jdbc, transactions).drop(partition);
  }
}
