package dev.ebayalerts.analytics.observation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partitions of {@code price_observation} (V10): one per UTC day named {@code
 * price_observation_pYYYYMMDD}, the {@code price_observation_legacy} one holding what was stored
 * before partitioning, and {@code price_observation_default} for rows no other partition covers.
 *
 * <p>Several instances may keep the partitions at once: every change runs in its own transaction
 * holding one transaction-level advisory lock, and checks under it what exists, so the second of
 * two instances finds the work done. Each change waits at most {@link #LOCK_TIMEOUT} for the table
 * locks it needs: queued behind a long query it would hold up every insert and read queued behind
 * it; given up, it is retried at the next run.
 */
@Repository
class Partitions {

  static final String PARENT = "price_observation";
  static final String DEFAULT = "price_observation_default";
  static final String LEGACY = "price_observation_legacy";

  /**
   * The advisory lock key of partition changes (any constant no other code of this database uses).
   */
  private static final long LOCK = 0x70617274_6f627376L;

  private static final String LOCK_TIMEOUT = "5s";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  Partitions(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * One partition and its bounds: {@code from} is null for the one without a lower bound (legacy),
   * both are null for the default one.
   */
  record Partition(String name, Instant from, Instant to) {

    boolean isDefault() {
      return to == null;
    }

    /**
     * Legacy and default partitions hold rows of any age: retention deletes from them in batches.
     */
    boolean mixesDays() {
      return from == null;
    }
  }

  /** The partitions as PostgreSQL knows them, oldest first, the default one last. */
  List<Partition> list() {
    // the bounds as PostgreSQL prints them, cast back to timestamps in the same session (so in the
    // same time zone): "FOR VALUES FROM ('...') TO ('...')", MINVALUE, or DEFAULT
    return jdbc.sql(
            """
            select name,
                   (regexp_match(bound, 'FROM \\(''([^'']+)''\\)'))[1]::timestamptz as lower_bound,
                   (regexp_match(bound, 'TO \\(''([^'']+)''\\)'))[1]::timestamptz as upper_bound
            from (select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
                  from pg_inherits i join pg_class c on c.oid = i.inhrelid
                  where i.inhparent = 'price_observation'::regclass) partitions
            order by upper_bound nulls last, lower_bound nulls first""")
        .query(
            (row, n) ->
                new Partition(
                    row.getString("name"),
                    instant(row.getTimestamp("lower_bound")),
                    instant(row.getTimestamp("upper_bound"))))
        .list();
  }

  /** The name of a day's partition. */
  static String nameOf(LocalDate day) {
    return PARENT + "_p" + DAY.format(day);
  }

  /**
   * Makes sure every day from {@code first} to {@code last} (UTC) has its rows in a partition other
   * than the default: creates the missing daily partitions, skipping days another partition already
   * covers in part (the legacy one). Returns the days created.
   */
  List<LocalDate> ensure(LocalDate first, LocalDate last) {
    List<LocalDate> created = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      LocalDate next = day;
      if (Boolean.TRUE.equals(transaction.execute(status -> create(next)))) {
        created.add(day);
      }
    }
    return created;
  }

  /**
   * Creates the day's partition unless a partition covers part of it. Built apart and then
   * attached: ATTACH takes only a SHARE UPDATE EXCLUSIVE lock on the parent, so ingest and insights
   * go on (CREATE TABLE ... PARTITION OF would lock them out while it waits). Rows of that day
   * already in the default partition move over in the same transaction, which ATTACH requires (it
   * checks that the default partition holds none of the new partition's rows). The CHECK constraint
   * lets ATTACH skip reading the new partition.
   */
  private boolean create(LocalDate day) {
    lock();
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    boolean covered =
        list().stream()
            .filter(partition -> !partition.isDefault())
            .anyMatch(
                partition ->
                    (partition.from() == null || partition.from().isBefore(to))
                        && partition.to().isAfter(from));
    if (covered) {
      return false;
    }
    String name = nameOf(day);
    String lower = "'" + from + "'";
    String upper = "'" + to + "'";
    jdbc.sql("create table " + name + " (like " + PARENT + " including defaults)").update();
    jdbc.sql(
            "alter table "
                + name
                + " add constraint "
                + name
                + "_bound check (observed_at >= "
                + lower
                + " and observed_at < "
                + upper
                + ")")
        .update();
    // no writes into the default partition while its rows of that day move
    jdbc.sql("lock table " + DEFAULT + " in exclusive mode").update();
    jdbc.sql(
            "with moved as (delete from "
                + DEFAULT
                + " where observed_at >= "
                + lower
                + " and observed_at < "
                + upper
                + " returning *) insert into "
                + name
                + " select * from moved")
        .update();
    jdbc.sql(
            "alter table "
                + PARENT
                + " attach partition "
                + name
                + " for values from ("
                + lower
                + ") to ("
                + upper
                + ")")
        .update();
    // the partition's bounds say the same from now on
    jdbc.sql("alter table " + name + " drop constraint " + name + "_bound").update();
    return true;
  }

  /**
   * Drops a partition with all its rows: the parent's exclusive lock is held for milliseconds, and
   * nothing is left to vacuum. False when it was gone already (another instance dropped it).
   */
  boolean drop(String name) {
    return Boolean.TRUE.equals(
        transaction.execute(
            status -> {
              lock();
              if (list().stream().noneMatch(partition -> partition.name().equals(name))) {
                return false;
              }
              jdbc.sql("drop table " + name).update();
              return true;
            }));
  }

  /**
   * Deletes up to {@code batch} rows older than the cut-off from one partition; returns how many.
   * Rows are picked by their physical address: no index is needed and none is read.
   */
  int deleteOlderThan(String partition, Instant cutoff, int batch) {
    return jdbc.sql(
            "delete from "
                + partition
                + " where ctid = any(array(select ctid from "
                + partition
                + " where observed_at < ? limit ?))")
        .params(Timestamp.from(cutoff), batch)
        .update();
  }

  private void lock() {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
