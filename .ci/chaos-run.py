#!/usr/bin/env python3
"""The parts of .ci/chaos-run that are easier in Python (standard library only):

  webhook PORT_FILE OUT_FILE   a webhook receiver: each POST body, one JSON line, appended to OUT_FILE
  collect DIR [--loop]         copies every email from maildev (:1080) into DIR, then deletes it there,
                               so a killed maildev (it keeps mail in memory) loses nothing already copied
  check DATA_DIR               the invariants of the run, as a table; exit status 1 on a violation
"""
import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAILDEV = "http://127.0.0.1:1080"


# --- webhook receiver -------------------------------------------------------------------------


def webhook(port_file, out_file):
    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            line = json.dumps({"path": self.path, "at": time.time(), "body": body})
            with open(out_file, "a") as out:  # one write per line: lines never interleave
                out.write(line + "\n")
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(port_file + ".tmp", port_file)
    server.serve_forever()


# --- mail collector ---------------------------------------------------------------------------


def collect_once(folder):
    try:
        with urllib.request.urlopen(MAILDEV + "/email", timeout=10) as r:
            emails = json.load(r)
    except Exception:
        return 0  # maildev is down or starting: the next round copies what it got
    for email in emails:
        path = os.path.join(folder, email["id"] + ".json")
        if not os.path.exists(path):
            kept = {k: email.get(k) for k in ("id", "to", "subject", "html", "text", "date")}
            kept["collected_at"] = time.time()
            with open(path + ".tmp", "w") as f:
                json.dump(kept, f)
            os.replace(path + ".tmp", path)
        try:
            req = urllib.request.Request(MAILDEV + "/email/" + email["id"], method="DELETE")
            urllib.request.urlopen(req, timeout=10).close()
        except Exception:
            pass
    return len(emails)


def collect(folder, loop):
    os.makedirs(folder, exist_ok=True)
    while True:
        collect_once(folder)
        if not loop:
            return
        time.sleep(1)


# --- the checks -------------------------------------------------------------------------------


def properties(path):
    result = {}
    for line in open(path):
        if "=" in line and not line.startswith("#"):
            key, value = line.strip().split("=", 1)
            result[key] = value
    return result


def sql(port, query):
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "postgres",
         "-X", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query],
        env={**os.environ, "PGPASSWORD": "postgres"}, capture_output=True, text=True, check=True)
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def redis(port, *command):
    """One command over RESP; the parsed reply."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        payload = "*%d\r\n" % len(command) + "".join(
            "$%d\r\n%s\r\n" % (len(c.encode()), c) for c in command)
        s.sendall(payload.encode())
        reader = s.makefile("rb")

        def read():
            line = reader.readline().rstrip(b"\r\n")
            kind, rest = chr(line[0]), line[1:]
            if kind in "+-":
                return rest.decode()
            if kind == ":":
                return int(rest)
            if kind == "$":
                n = int(rest)
                if n < 0:
                    return None
                data = reader.read(n + 2)[:-2]
                return data.decode()
            if kind == "*":
                n = int(rest)
                return None if n < 0 else [read() for _ in range(n)]
            raise ValueError("unexpected reply " + line.decode())

        return read()


def url_key(item_id):
    """What a listing's eBay link carries of its item id v1|123|0: /itm/123 (an item group's link
    adds ?var= and one variation, whose id the search answer does not name)."""
    parts = item_id.split("|")
    return parts[1] if len(parts) == 3 else item_id


LINE_TIME = [
    # Spring Boot: 2026-12-01T13:38:30.123Z
    (re.compile(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:?\d\d)?"), "iso"),
    # redis-server: 24879:M 01 Dec 2026 13:38:05.123
    (re.compile(r"^\d+:[A-Z] (\d\d \w{3} \d{4} \d\d:\d\d:\d\d)"), "redis"),
    # plain logback (the infrastructure launcher): 13:38:01.674 [main] INFO
    (re.compile(r"^(\d\d:\d\d:\d\d)\.\d+ "), "time"),
]


def line_time(line, day):
    for pattern, kind in LINE_TIME:
        m = pattern.search(line[:60])
        if not m:
            continue
        if kind == "iso":
            t = dt.datetime.fromisoformat(m.group(1) + "T" + m.group(2))
            zone = m.group(4)
            if zone and zone != "Z":
                zone = zone if ":" in zone else zone[:3] + ":" + zone[3:]
                return dt.datetime.fromisoformat(t.isoformat() + zone).timestamp()
            return t.replace(tzinfo=dt.timezone.utc).timestamp()
        if kind == "redis":
            t = dt.datetime.strptime(m.group(1), "%d %b %Y %H:%M:%S")
            return t.replace(tzinfo=dt.timezone.utc).timestamp()
        t = dt.datetime.strptime(day + " " + m.group(1), "%Y-%m-%d %H:%M:%S")
        return t.replace(tzinfo=dt.timezone.utc).timestamp()
    return None


# Whose kill may explain an ERROR in a log: the process itself and what it talks to.
DEPENDS_ON = {
    "alerts-service": {"alerts-service", "redis-server", "maildev"},
    "analytics-service": {"analytics-service", "redis-server", "maildev", "alerts-service"},
    "redis": {"redis-server"},
    "maildev": {"maildev"},
}
ERROR_WINDOW = 60


def check(data):
    run = json.load(open(os.path.join(data, "chaos", "run.json")))
    infra = properties(os.path.join(data, "infrastructure.properties"))
    alerts_db = int(re.search(r":(\d+)/", infra["local.alerts-db.url"]).group(1))
    analytics_db = int(re.search(r":(\d+)/", infra["local.analytics-db.url"]).group(1))
    redis_port = int(infra["local.redis.port"])
    cutoff = run["cutoff"]  # told before this: every delivery of it had been sent (see chaos-run)
    end = run["end"]
    period = 120

    kills = []  # (name, killed_at, ready_at)
    for line in open(os.path.join(data, "chaos", "kills.tsv")):
        name, killed, ready = line.split("\t")[:3]
        kills.append((name, float(killed), float(ready) if ready.strip() else end))
    rows = []

    def row(name, measured, limit, ok):
        rows.append((name, str(measured), str(limit), "ok" if ok else "VIOLATED"))

    # What each alert was told, per channel.
    alerts = {a: (email, hook) for a, email, hook in sql(alerts_db, """
        select a.id, a.email, coalesce((select c.target from alert_channel c
            where c.alert_id = a.id and c.type = 'WEBHOOK' and c.enabled), '')
        from alert a where a.active""")}
    told = sql(alerts_db, f"""
        select l.alert_id, l.item_id,
               l.first_seen_at = (select min(f.first_seen_at) from alert_listing f
                                  where f.alert_id = l.alert_id) as first_run,
               exists (select 1 from alert_listing o where o.alert_id = l.alert_id
                       and o.seller is not distinct from l.seller
                       and o.normalized_title = l.normalized_title
                       and o.first_seen_at < l.first_seen_at) as relist
        from alert_listing l
        where l.first_seen_at < to_timestamp({cutoff})
          and l.alert_id in (select id from alert where active)""")

    # Emails: each listing cell of an alert email, by recipient.
    emailed = {}  # (recipient, number) -> [dropped?, ...]
    email_count = 0
    mail_dir = os.path.join(data, "chaos", "mail")
    for name in sorted(os.listdir(mail_dir)):
        if not name.endswith(".json"):
            continue
        email = json.load(open(os.path.join(mail_dir, name)))
        html = email.get("html") or ""
        cells = html.split("padding:16px 24px;border-top")[1:]
        if not cells:
            continue
        email_count += 1
        to = (email.get("to") or [{}])[0].get("address", "").lower()
        for cell in cells:
            dropped = "Price drop" in cell
            for number in set(re.findall(r"/itm/(\d+)", cell)):
                emailed.setdefault((to, number), []).append(dropped)
    # Webhook bodies, by the alert they name.
    hooked = {}  # (alert id, item id) -> [dropped?, ...]
    hook_count = 0
    hook_file = os.path.join(data, "chaos", "webhook.jsonl")
    if os.path.exists(hook_file):
        for line in open(hook_file):
            body = json.loads(json.loads(line)["body"])
            hook_count += 1
            for listing in body.get("listings", []):
                hooked.setdefault((body["alert"]["id"], listing["itemId"]), []).append(
                    listing.get("previousPrice") is not None)

    lost_email = lost_hook = 0
    relists = 0
    first_run = {}  # alert -> [told in the first run, found in email, found in webhook]
    lost_examples = []
    for alert, item, first, relist in told:
        email, hook = alerts.get(alert, ("", ""))
        in_email = (email.lower(), url_key(item)) in emailed
        in_hook = not hook or (alert, item) in hooked
        if first == "t":
            counts = first_run.setdefault(alert, [0, 0, 0])
            counts[0] += 1
            counts[1] += in_email
            counts[2] += in_hook
            continue
        if relist == "t" and not (in_email and in_hook):
            relists += 1  # remembered under its new id at the price told, not told again
            continue
        if not in_email:
            lost_email += 1
            lost_examples.append(f"email {email} {item}")
        if not in_hook:
            lost_hook += 1
            lost_examples.append(f"webhook {alert} {item}")
    # An alert's first email holds its current top 20 (alerts.scheduler.first-email-limit).
    for alert, (n, in_email, in_hook) in first_run.items():
        lost_email += max(0, min(20, n) - in_email)
        if alerts[alert][1]:
            lost_hook += max(0, min(20, n) - in_hook)
    told_count = len(told)
    row("told listings reached every enabled channel (lost: email / webhook)",
        f"{lost_email} / {lost_hook} of {told_count}", "0", lost_email + lost_hook == 0 and told_count > 0)

    # Duplicates: the same listing more than once to the same alert's channel, price drops aside.
    dup_email = sum(max(0, marks.count(False) - 1) for marks in emailed.values())
    dup_hook = sum(max(0, marks.count(False) - 1) for marks in hooked.values())
    in_flight_kills = sum(1 for k in kills if k[0] in ("alerts-service", "maildev"))
    row("duplicate deliveries (email + webhook)", f"{dup_email} + {dup_hook}",
        f"<= {in_flight_kills} (kills of alerts-service, maildev)",
        dup_email <= in_flight_kills and dup_hook <= in_flight_kills)

    # The outbox is empty and analytics processed every observation in the stream.
    outbox = int(sql(alerts_db, "select count(*) from event_publication where completion_date is null")[0][0])
    row("alerts outbox: publications not completed", outbox, "0", outbox == 0)
    stream = redis(redis_port, "XRANGE", "ebay-alerts.events", "-", "+") or []
    observed = set()
    for _, fields in stream:
        for value in fields[1::2]:
            if value and '"ListingsObserved"' in value:
                m = re.search(r'"eventId"\s*:\s*"([0-9a-f-]{36})"', value)
                if m:
                    observed.add(m.group(1))
    processed = {r[0] for r in sql(analytics_db, "select event_id from processed_event")}
    missing = observed - processed
    row("ListingsObserved in the stream not processed by analytics",
        f"{len(missing)} of {len(observed)}", "0", not missing and observed)

    # Runs: the largest gap between an alert's consecutive runs (and from its last run to the end),
    # less the time alerts-service was down within it.
    down = [(k, r) for name, k, r in kills if name == "alerts-service"]
    worst = (0, "")
    observed_alerts = set()
    for alert, times in sql(analytics_db, f"""
            select alert_id, string_agg(extract(epoch from observed_at)::text, ',' order by observed_at)
            from (select distinct alert_id, observed_at from price_observation) o
            group by alert_id"""):
        if alert not in alerts:
            continue
        observed_alerts.add(alert)
        runs = [float(t) for t in times.split(",")] + [end]
        for a, b in zip(runs, runs[1:]):
            gap = b - a - sum(max(0, min(b, r) - max(a, k)) for k, r in down)
            if gap > worst[0]:
                worst = (gap, alert)
    for alert in set(alerts) - observed_alerts:
        worst = (float("inf"), alert)  # an alert that never ran
    tick = 10
    row("largest gap between an alert's runs, less alerts-service downtime",
        f"{worst[0]:.0f} s", f"<= {2 * period + tick} s (2 periods + a tick)",
        0 < worst[0] <= 2 * period + tick)

    # ERROR lines: each within a minute of a kill of its process or of what it talks to (a restarted
    # JVM may log errors while it starts: the window runs to a minute after it was ready again).
    day = dt.datetime.fromtimestamp(run["start"], dt.timezone.utc).strftime("%Y-%m-%d")
    unexplained = []
    errors = 0
    logs = os.path.join(data, "logs")
    for log in sorted(os.listdir(logs)):
        service = log[:-4]
        last = None
        for number, line in enumerate(open(os.path.join(logs, log), errors="replace"), 1):
            t = line_time(line, day)
            last = t if t is not None else last
            if not re.search(r"\bERROR\b", line):
                continue
            errors += 1
            when = last
            explained = when is not None and any(
                name in DEPENDS_ON.get(service, set())
                and killed <= when <= max(killed, ready) + ERROR_WINDOW
                for name, killed, ready in kills)
            if not explained:
                unexplained.append(f"{log}:{number}: {line.strip()[:160]}")
    row("ERROR log lines without a kill of the process or a dependency before them",
        f"{len(unexplained)} of {errors}", "0", not unexplained)

    width = [max(len(r[i]) for r in rows + [("invariant", "measured", "limit", "ok")]) for i in range(4)]
    print()
    for r in [("invariant", "measured", "limit", "ok")] + rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, width)))
    per_target = {}
    for name, _, _ in kills:
        per_target[name] = per_target.get(name, 0) + 1
    print()
    print("kills: %d (%s)" % (len(kills), ", ".join(f"{n} {c}" for n, c in sorted(per_target.items())) or "none"))
    print(f"deliveries: {email_count} alert emails, {hook_count} webhook posts; "
          f"told listings: {told_count} in {len(first_run)} alerts; relisted (not told again): {relists}")
    print(f"duplicates: {dup_email} by email, {dup_hook} by webhook; lost: {lost_email} by email, {lost_hook} by webhook")
    for example in lost_examples[:10]:
        print("  lost: " + example)
    for line in unexplained[:10]:
        print("  unexplained: " + line)
    return 0 if all(r[3] == "ok" for r in rows) else 1


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "webhook":
        webhook(sys.argv[2], sys.argv[3])
    elif command == "collect":
        collect(sys.argv[2], "--loop" in sys.argv)
    elif command == "check":
        sys.exit(check(sys.argv[2]))
    else:
        sys.exit(__doc__)
