import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The observing half of .ci/cluster-test (run with {@code java -cp <postgresql driver>
 * ClusterCheck.java}): watches two alerts-service instances share the alerts, kills one of them
 * (SIGKILL) while it runs a fetch cycle, watches the other take its alerts over after the lease,
 * then checks from both databases that every alert ran once per period and that analytics
 * consumed every event. Prints a table; exits 1 when an invariant does not hold.
 *
 * <p>Which instance ran a run comes from {@code alert.last_run_by}, sampled twice a second and
 * matched to the run by its time ({@code last_run_at} is the run's {@code ListingsObserved}
 * time). The runs themselves are the {@code ListingsObserved} events in the outbox (in the {@code
 * ObservationBatch} of each run transaction), kept because the instances run with {@code
 * spring.modulith.events.completion-mode=update}.
 *
 * <p>Arguments: alerts JDBC URL, analytics JDBC URL, the two instances' names
 * (alerts.scheduler.instance, also their Quartz instance ids) and pids ({@code name=pid name=pid}),
 * the alerts' period in seconds, the lease in seconds, the expected number of alerts. The instance
 * killed is the one first seen running a fetch cycle.
 */
public class ClusterCheck {

  record Run(String alert, Instant at, String eventId) {}

  record Sample(String alert, Instant at, String by) {}

  public static void main(String[] args) throws Exception {
    String alertsUrl = args[0];
    String analyticsUrl = args[1];
    Map<String, Long> pids = new TreeMap<>();
    for (String instance : List.of(args[2], args[3])) {
      pids.put(instance.split("=")[0], Long.parseLong(instance.split("=")[1]));
    }
    Duration period = Duration.ofSeconds(Long.parseLong(args[4]));
    Duration lease = Duration.ofSeconds(Long.parseLong(args[5]));
    int expectedAlerts = Integer.parseInt(args[6]);
    // Quartz notices a dead instance after its check-in interval (10 s) and a grace period.
    Duration recovery = Duration.ofSeconds(30);

    try (Connection alerts = DriverManager.getConnection(alertsUrl, "postgres", "postgres");
        Connection analytics = DriverManager.getConnection(analyticsUrl, "postgres", "postgres")) {
      Map<String, Sample> byRun = new HashMap<>(); // alert@time -> who
      Instant started = Instant.now();

      // Phase 1: both instances run the alerts; wait until every alert ran once.
      log("waiting for every alert's first run");
      while (runAlerts(alerts) < expectedAlerts) {
        sample(alerts, byRun);
        sleepUntilNext(started, Duration.ofMinutes(3), "every alert ran once");
      }
      // The alerts were created over a period, so by now the instances have shared a period of
      // cycles. Kill the victim while it runs one with alerts leased (mid-cycle).
      log("waiting for an instance to be in a fetch cycle with alerts leased");
      Instant giveUp = Instant.now().plus(period.multipliedBy(3));
      Set<String> leasedAtKill = Set.of();
      String victim = null;
      while (victim == null && Instant.now().isBefore(giveUp)) {
        sample(alerts, byRun);
        for (String instance : pids.keySet()) {
          Set<String> leased = leasedBy(alerts, instance);
          if (!leased.isEmpty()) {
            ProcessHandle.of(pids.get(instance)).ifPresent(ProcessHandle::destroyForcibly);
            victim = instance;
            leasedAtKill = leased;
            break;
          }
        }
        Thread.sleep(100);
      }
      Instant killedAt = Instant.now();
      boolean midCycle = victim != null;
      if (!midCycle) {
        victim = pids.keySet().iterator().next();
        ProcessHandle.of(pids.get(victim)).ifPresent(ProcessHandle::destroyForcibly);
      }
      String killed = victim;
      String survivor = pids.keySet().stream().filter(n -> !n.equals(killed)).findFirst().get();
      log(
          "killed "
              + victim
              + (midCycle
                  ? " mid-cycle, holding " + leasedAtKill.size() + " leased alerts"
                  : " (never seen mid-cycle)"));

      // Phase 2: the survivor takes over after the lease and runs every alert in every period.
      Instant end = killedAt.plus(lease).plus(recovery).plus(period).plusSeconds(10);
      log("watching the takeover until " + end);
      while (Instant.now().isBefore(end)) {
        sample(alerts, byRun);
        Thread.sleep(500);
      }

      // Let the outboxes drain: every run's event sent and consumed.
      Instant drained = Instant.now().plusSeconds(60);
      while (incomplete(alerts) > 0 && Instant.now().isBefore(drained)) {
        Thread.sleep(1000);
      }
      List<Run> runs = runs(alerts);
      Set<String> published = new HashSet<>();
      runs.forEach(run -> published.add(run.eventId()));
      Set<String> processed = new HashSet<>();
      Instant consumed = Instant.now().plusSeconds(60);
      do {
        processed = processedAmong(analytics, published);
      } while (processed.size() < published.size()
          && Instant.now().isBefore(consumed)
          && pause(1000));

      System.exit(
          report(
              alerts,
              created(alerts),
              end,
              analytics,
              runs,
              byRun,
              victim,
              survivor,
              period,
              lease.plus(recovery),
              killedAt,
              midCycle,
              leasedAtKill,
              expectedAlerts,
              published,
              processed));
    }
  }

  private static int report(
      Connection alerts,
      Map<String, Instant> created,
      Instant end,
      Connection analytics,
      List<Run> runs,
      Map<String, Sample> byRun,
      String victim,
      String survivor,
      Duration period,
      Duration takeover,
      Instant killedAt,
      boolean midCycle,
      Set<String> leasedAtKill,
      int expectedAlerts,
      Set<String> published,
      Set<String> processed)
      throws SQLException {
    Map<String, List<Instant>> perAlert = new TreeMap<>();
    for (Run run : runs) {
      perAlert.computeIfAbsent(run.alert(), a -> new ArrayList<>()).add(run.at());
    }
    Map<String, Integer> before = new TreeMap<>();
    Map<String, Integer> after = new TreeMap<>();
    int unattributed = 0;
    for (Run run : runs) {
      Sample sample = byRun.get(run.alert() + "@" + run.at());
      String by = sample == null ? "(not sampled)" : sample.by();
      if (sample == null) {
        unattributed++;
      }
      (run.at().isBefore(killedAt) ? before : after).merge(by, 1, Integer::sum);
    }

    // Run k of an alert is due k periods after its creation and runs late by less than a period
    // (a tick, a busy machine, or a dead instance's lease), so its period is the whole number of
    // periods since the creation: two runs in one period ran twice, a period without one lost it.
    int ranTwice = 0;
    int lost = 0;
    int notAfter = 0;
    Duration smallest = null;
    Duration largest = Duration.ZERO;
    for (Map.Entry<String, List<Instant>> alert : perAlert.entrySet()) {
      List<Instant> times = alert.getValue();
      times.sort(null);
      Instant anchor = created.get(alert.getKey());
      Set<Long> periods = new TreeSet<>();
      for (int i = 0; i < times.size(); i++) {
        if (!periods.add(Duration.between(anchor, times.get(i)).toMillis() / period.toMillis())) {
          ranTwice++;
        }
        if (i > 0) {
          Duration gap = Duration.between(times.get(i - 1), times.get(i));
          smallest = smallest == null || gap.compareTo(smallest) < 0 ? gap : smallest;
          largest = gap.compareTo(largest) > 0 ? gap : largest;
        }
      }
      // every period that ended before the last look, less the last one (its run may be late)
      long ended = Duration.between(anchor, end).toMillis() / period.toMillis() - 1;
      for (long k = 0; k < ended; k++) {
        if (!periods.contains(k)) {
          lost++;
        }
      }
      if (times.stream().noneMatch(t -> t.isAfter(killedAt.plus(takeover)))) {
        notAfter++;
      }
    }
    int leasedRunBySurvivor = 0;
    for (String alert : leasedAtKill) {
      boolean taken =
          runs.stream()
              .filter(r -> r.alert().equals(alert) && r.at().isAfter(killedAt))
              .map(r -> byRun.get(r.alert() + "@" + r.at()))
              .anyMatch(s -> s != null && s.by().equals(survivor));
      if (taken) {
        leasedRunBySurvivor++;
      }
    }
    long duplicates =
        single(
            analytics,
            "select count(*) from (select 1 from price_observation"
                + " group by alert_id, item_id, observed_at having count(*) > 1) d");
    long incomplete = incomplete(alerts);

    System.out.println();
    System.out.println("runs by instance            before the kill   after the kill");
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      System.out.printf(
          "  %-26s %15d %16d%n", name, before.getOrDefault(name, 0), after.getOrDefault(name, 0));
    }
    System.out.printf(
        "alerts %d, runs %d, gap between an alert's runs: smallest %s, largest %s (period %s)%n",
        perAlert.size(), runs.size(), human(smallest), human(largest), human(period));
    System.out.println();

    List<String[]> checks = new ArrayList<>();
    checks.add(
        check(
            "every alert ran",
            perAlert.size() == expectedAlerts,
            perAlert.size() + " of " + expectedAlerts));
    checks.add(
        check(
            "alerts split between the instances",
            before.getOrDefault(victim, 0) > 0 && before.getOrDefault(survivor, 0) > 0,
            victim
                + " "
                + before.getOrDefault(victim, 0)
                + ", "
                + survivor
                + " "
                + before.getOrDefault(survivor, 0)
                + " runs before the kill"));
    checks.add(
        check(
            "killed mid-cycle",
            midCycle,
            midCycle ? leasedAtKill.size() + " alerts leased by it" : "never seen mid-cycle"));
    checks.add(
        check(
            "nothing ran twice within a period",
            ranTwice == 0,
            ranTwice + " second runs in a period"));
    checks.add(
        check(
            "nothing lost: every alert ran in every period",
            lost == 0,
            lost + " periods without a run"));
    checks.add(
        check(
            "every alert ran after the takeover",
            notAfter == 0,
            notAfter + " alerts without a run after " + human(takeover) + " from the kill"));
    checks.add(
        check(
            "after the kill only " + survivor + " ran",
            after.getOrDefault(victim, 0) == 0 && after.getOrDefault(survivor, 0) > 0,
            survivor + " " + after.getOrDefault(survivor, 0) + ", " + victim + " "
                + after.getOrDefault(victim, 0)));
    checks.add(
        check(
            "the killed instance's leased alerts ran on " + survivor,
            leasedRunBySurvivor == leasedAtKill.size(),
            leasedRunBySurvivor + " of " + leasedAtKill.size()));
    checks.add(
        check(
            "every run's event left the outbox",
            incomplete == 0,
            incomplete + " event publications incomplete"));
    checks.add(
        check(
            "analytics consumed every event",
            processed.size() == published.size(),
            processed.size() + " of " + published.size() + " ListingsObserved events processed"));
    checks.add(
        check(
            "each event's effect once (no duplicate observations)",
            duplicates == 0,
            duplicates + " duplicated observations"));
    boolean ok = true;
    for (String[] line : checks) {
      System.out.printf("  %-4s %-56s %s%n", line[0], line[1], line[2]);
      ok &= line[0].equals("ok");
    }
    if (unattributed > 0) {
      System.out.println("  (" + unattributed + " runs not sampled: instance unknown)");
    }
    return ok ? 0 : 1;
  }

  private static String[] check(String what, boolean holds, String detail) {
    return new String[] {holds ? "ok" : "FAIL", what, detail};
  }

  /** Records who ran each alert's latest run. */
  private static void sample(Connection db, Map<String, Sample> byRun) throws SQLException {
    try (ResultSet rows =
        db.createStatement()
            .executeQuery(
                "select id, last_run_at, last_run_by from alert where last_run_at is not null")) {
      while (rows.next()) {
        Sample s =
            new Sample(
                rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3));
        byRun.putIfAbsent(s.alert() + "@" + s.at(), s);
      }
    }
  }

  private static Map<String, Instant> created(Connection db) throws SQLException {
    Map<String, Instant> created = new HashMap<>();
    try (ResultSet rows = db.createStatement().executeQuery("select id, created_at from alert")) {
      while (rows.next()) {
        created.put(rows.getString(1), rows.getTimestamp(2).toInstant());
      }
    }
    return created;
  }

  private static long runAlerts(Connection db) throws SQLException {
    return single(db, "select count(*) from alert where last_run_at is not null");
  }

  /** The alerts leased now, while the instance runs the fetch cycle job (empty otherwise). */
  private static Set<String> leasedBy(Connection db, String instance) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (var statement =
        db.prepareStatement(
            """
            select id from alert where lease_until > now()
              and exists (select 1 from qrtz_fired_triggers
                          where instance_name = ? and state = 'EXECUTING')""")) {
      statement.setString(1, instance);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }

  /** Every run: the ListingsObserved events of the batches in the outbox (kept once sent). */
  private static List<Run> runs(Connection db) throws SQLException {
    List<Run> runs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (ResultSet rows =
        db.createStatement()
            .executeQuery(
                """
                select e ->> 'alertId', e ->> 'occurredAt', e ->> 'eventId'
                from event_publication,
                     jsonb_array_elements(serialized_event::jsonb -> 'events') as e
                where event_type like '%ObservationBatch'""")) {
      while (rows.next()) {
        // one row per listener of the event: count the run once
        if (seen.add(rows.getString(3))) {
          runs.add(
              new Run(rows.getString(1), micros(instant(rows.getString(2))), rows.getString(3)));
        }
      }
    }
    return runs;
  }

  /** The event's time as Jackson wrote it: ISO-8601, or seconds with a fraction. */
  private static Instant instant(String text) {
    if (text.matches("-?\\d+(\\.\\d+)?")) {
      java.math.BigDecimal seconds = new java.math.BigDecimal(text);
      long whole = seconds.longValue();
      long nanos = seconds.subtract(java.math.BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos);
    }
    return Instant.parse(text);
  }

  /** As PostgreSQL stores it (the driver rounds to microseconds). */
  private static Instant micros(Instant t) {
    long micros = Math.round(t.getNano() / 1000.0);
    return Instant.ofEpochSecond(t.getEpochSecond()).plusNanos(micros * 1000);
  }

  private static long incomplete(Connection db) throws SQLException {
    return single(db, "select count(*) from event_publication where completion_date is null");
  }

  private static Set<String> processedAmong(Connection db, Set<String> ids) throws SQLException {
    Set<String> found = new HashSet<>();
    try (ResultSet rows =
        db.createStatement().executeQuery("select event_id::text from processed_event")) {
      while (rows.next()) {
        if (ids.contains(rows.getString(1))) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  private static long single(Connection db, String sql) throws SQLException {
    try (ResultSet rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void sleepUntilNext(Instant started, Duration limit, String what)
      throws InterruptedException {
    if (Instant.now().isAfter(started.plus(limit))) {
      throw new IllegalStateException("timed out waiting until " + what);
    }
    Thread.sleep(500);
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String human(Duration d) {
    return d == null ? "-" : String.format("%.1f s", d.toMillis() / 1000.0);
  }

  private static void log(String text) {
    System.out.println(Instant.now() + "  " + text);
  }
}
