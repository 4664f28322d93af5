"""What every benchmark of bench/ shares: starting the packaged jar, calling it, recording figures."""
import base64, contextlib, datetime, http.client, json, os, platform, shutil, socket, socketserver, statistics, subprocess
import sys, tempfile, threading, time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "caseops.jar")

SEV2_SUBMISSION = {
    "product": "automation-360", "subject": "Runner offline", "description": "Runner 7 is offline.",
    "region": "EMEA", "answers": {"productionAffected": True, "productUsable": True,
                                  "workaroundAvailable": False, "usersAffected": "several",
                                  "businessImpact": "critical", "requestType": "incident"}}


def options(doc):
    """The options every benchmark takes; add its own, then parse_args()."""
    import argparse
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=JAR)
    parser.add_argument("--label", default=None, help="what was measured (default: the commit)")
    parser.add_argument("--check", action="store_true", help="exit 1 on anything lost, doubled, refused or "
                                                              "unanswered (CI)")
    parser.add_argument("--no-record", action="store_true", help="print only")
    return parser


def arguments(doc, cases, clients):
    """The options of a load benchmark: so many cases from so many clients."""
    parser = options(doc)
    parser.add_argument("--cases", type=int, default=cases)
    parser.add_argument("--clients", type=int, default=clients)
    return parser


def timed_arguments(doc, clients, seconds):
    """The options of a benchmark that calls for so many seconds per row, from 1 and from so many clients."""
    parser = options(doc)
    parser.add_argument("--clients", type=int, default=clients)
    parser.add_argument("--seconds", type=float, default=seconds)
    return parser


def postgres_options(database, smtp_port, profiles="postgres,demo"):
    """The options of a node on that PostgreSQL database, mailing the bench SMTP sink, without demo cases."""
    return [f"--spring.profiles.active={profiles}",
            f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/{database}",
            "--spring.datasource.username=postgres", "--spring.mail.host=127.0.0.1",
            f"--spring.mail.port={smtp_port}", "--caseops.mail.sink.enabled=false", "--caseops.demo.cases=false"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def require_jar(jar):
    if not os.path.exists(jar):
        sys.exit(f"no {jar}: run ./mvnw -q package -DskipTests first")


def launch(jar, port, options, log):
    """Starts java -jar with --server.port and the given --key=value options; does not wait."""
    return subprocess.Popen(["java", "-jar", jar, f"--server.port={port}", *options],
                            stdout=log, stderr=subprocess.STDOUT)


def await_healthy(process, port, log_name, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"the service stopped at start-up; see {log_name}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/actuator/health")
            if c.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.kill()
    sys.exit(f"the service did not become healthy in {seconds} s; see {log_name}")


def start(jar, port, options, log):
    return await_healthy(launch(jar, port, options, log), port, log.name)


def call(port, method, path, auth, body=None, headers=None, timeout=30):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    sent = {"Authorization": auth, "Content-Type": "application/json", **(headers or {})}
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=sent)
    r = c.getresponse()
    return r.status, r.read()


def in_parallel(worker, threads):
    """Runs worker on that many threads at once; returns the seconds until the last one ended."""
    running = [threading.Thread(target=worker) for _ in range(threads)]
    began = time.perf_counter()
    for t in running:
        t.start()
    for t in running:
        t.join()
    return time.perf_counter() - began


def measure(port, path, auth, clients, seconds):
    """GET path from that many keep-alive clients for that long: calls, non-200 answers, calls/s, p50/p95/p99 ms."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.time() + seconds

    def worker():
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad = [], 0
        while time.time() < stop:
            t = time.perf_counter()
            c.request("GET", path, headers={"Authorization": auth} if auth else {})
            r = c.getresponse()
            r.read()
            mine.append((time.perf_counter() - t) * 1000)
            bad += r.status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    elapsed = in_parallel(worker, clients)
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {"calls": len(latencies), "errors": errors[0], "per_s": len(latencies) / elapsed,
            "p50": q[49], "p95": q[94], "p99": q[98]}


class Submissions:
    """Case submissions, each with an Idempotency-Key of its own, retried (on the node port_for() names at
    that moment) until a case number comes back: what a client behind a load balancer does."""

    def __init__(self, count, auth):
        self.auth, self.queue = auth, [str(uuid.uuid4()) for _ in range(count)]
        self.cases, self.statuses, self.lock = {}, {}, threading.Lock()

    def run(self, clients, port_for, after_each=None):
        """Submits them all from that many clients; after_each(cases so far) runs after each case. Returns
        the seconds it took."""
        def submit(key):
            while True:
                try:
                    status, body = call(port_for(), "POST", "/api/cases", self.auth, SEV2_SUBMISSION,
                                        {"Idempotency-Key": key}, timeout=60)
                except (OSError, http.client.HTTPException):
                    # No answer, or half of one (the node died while sending it): the key makes a retry safe.
                    status, body = "no answer", b""
                with self.lock:
                    self.statuses[status] = self.statuses.get(status, 0) + 1
                if status in (200, 201):
                    return json.loads(body)["caseNumber"]
                time.sleep(0.2)

        def client():
            while True:
                with self.lock:
                    if not self.queue:
                        return
                    key = self.queue.pop()
                number = submit(key)
                with self.lock:
                    self.cases[key] = number
                    done = len(self.cases)
                if after_each:
                    after_each(done)

        return in_parallel(client, clients)

    def answers(self):
        return ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items(), key=str))


def psql(database, sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql],
                          capture_output=True, text=True, check=True).stdout.strip()


class Node:
    """A node started by postgres_node: its HTTP port, its database and the SMTP sink it mails."""
    def __init__(self, port, database, sink):
        self.port, self.database, self.sink = port, database, sink


@contextlib.contextmanager
def postgres_node(jar, name, profiles="postgres,demo", extra=()):
    """The packaged jar on a fresh PostgreSQL database with an SMTP sink; afterwards the node is stopped and the
    database dropped. Its log is kept (and named) when the benchmark failed."""
    database = fresh_database(f"caseops_{name}")
    work = tempfile.mkdtemp(prefix=f"caseops-{name}-")
    port, smtp_port = free_port(), free_port()
    sink = SmtpSink(smtp_port)
    log = open(os.path.join(work, "service.log"), "w")
    service = start(jar, port, postgres_options(database, smtp_port, profiles) + list(extra), log)
    finished = False
    try:
        yield Node(port, database, sink)
        finished = True
    finally:
        service.terminate()
        service.wait(60)
        log.close()
        sink.stop()
        drop_database(database)
        if finished:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"the node's log: {log.name}", file=sys.stderr)


def fresh_database(prefix):
    database = f"{prefix}_{uuid.uuid4().hex[:10]}"
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    return database


def drop_database(database):
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database])


def await_mails_sent(database, seconds=600):
    """Waits until the outbox has no unsent mail; returns whether it got there."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if psql(database, "select count(*) from mail_outbox where sent_at is null") == "0":
            return True
        time.sleep(1)
    return False


def outcome(database, submissions, sink):
    """What became of the submissions: cases, processes, timers, mails (outbox vs SMTP), incidents."""
    ours = "subject = 'Runner offline'"
    copies = sink.received()
    figures = {
        "present": int(psql(database, f"select count(*) from support_case where {ours}")),
        "distinct": int(psql(database, f"select count(distinct case_number) from support_case where {ours}")),
        "processes": int(psql(database, "select count(*) from act_hi_procinst p join support_case c on "
                                        "c.case_number = p.business_key_ where p.proc_def_key_ = 'SupportCase' "
                                        f"and c.{ours}")),
        "timers": int(psql(database, "select count(*) from act_ru_job where type_ = 'timer' and "
                                     "process_instance_id_ is not null")),
        "cases_with_timers": int(psql(database, "select count(distinct e.business_key_) from act_ru_job j join "
                                                "act_ru_execution e on e.id_ = j.process_instance_id_ "
                                                "where j.type_ = 'timer'")),
        "outbox": int(psql(database, "select count(*) from mail_outbox")),
        "unsent": int(psql(database, "select count(*) from mail_outbox where sent_at is null")),
        "expected_copies": int(psql(database, "select coalesce(sum(array_length(string_to_array(recipients || "
                                              "coalesce(',' || cc, ''), ','), 1)), 0) from mail_outbox")),
        "copies": len(copies),
        "message_ids": len({m for m, _ in copies}),
        "doubled": len(copies) - len(set(copies)),
        "incidents": int(psql(database, "select count(*) from act_ru_incident")),
    }
    numbers = list(submissions.cases.values())
    figures["lost_or_doubled"] = (len(set(numbers)) != len(numbers)
                                  or figures["distinct"] != len(numbers) or figures["present"] != len(numbers))
    return figures


def outcome_rows(f):
    return [("cases present (distinct)", f"{f['present']} ({f['distinct']})"),
            ("SupportCase processes", str(f["processes"])),
            ("SLA timers scheduled", f"{f['timers']} on {f['cases_with_timers']} cases"),
            ("mails in the outbox / unsent", f"{f['outbox']} / {f['unsent']}"),
            ("mails received by SMTP (distinct Message-IDs)", str(f["message_ids"])),
            ("copies received / expected (one per recipient)", f"{f['copies']} / {f['expected_copies']}"),
            ("copies received twice (same Message-ID, same recipient)", str(f["doubled"])),
            ("incidents", str(f["incidents"]))]


def outcome_problems(f, submitted):
    problems = []
    if f["lost_or_doubled"]:
        problems.append("a case is missing or doubled")
    if f["processes"] != submitted:
        problems.append("a case has no process")
    if f["unsent"] or f["message_ids"] != f["outbox"]:
        problems.append("a mail was not sent")
    if f["incidents"]:
        problems.append("incidents")
    return problems


def machine(database):
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {mem_gb:.0f} GB, {platform.platform()}, {database}"


def commit():
    return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()


def heading(name, label):
    return f"### {name}: {label or 'commit ' + commit()}, " \
           f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"


def record(table, no_record):
    """Prints the table and, unless told not to, appends it to bench/results/<date>.md."""
    print(table)
    if not no_record:
        results = os.path.join(ROOT, "bench", "results", f"{datetime.date.today()}.md")
        with open(results, "a") as f:
            f.write(table + "\n")
        print(f"appended to {os.path.relpath(results, ROOT)}")


class SmtpSink(socketserver.ThreadingTCPServer):
    """A minimal SMTP server on 127.0.0.1: accepts every mail and keeps (Message-ID, recipient) pairs."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), _SmtpSession)
        self.copies, self.lock = [], threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def received(self):
        with self.lock:
            return list(self.copies)

    def stop(self):
        self.shutdown()
        self.server_close()


class _SmtpSession(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 bench sink\r\n")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 bench sink\r\n")
            elif verb == b"MAIL":
                recipients = []
                self.wfile.write(b"250 OK\r\n")
            elif verb == b"RCPT":
                recipients.append(line.split(b":", 1)[1].strip().strip(b"<>").decode())
                self.wfile.write(b"250 OK\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                message_id = None
                while True:
                    data = self.rfile.readline()
                    if data in (b".\r\n", b".\n", b""):
                        break
                    if message_id is None and data.lower().startswith(b"message-id:"):
                        message_id = data.split(b":", 1)[1].strip().decode()
                with self.server.lock:
                    self.server.copies.extend((message_id, to) for to in recipients)
                self.wfile.write(b"250 OK\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 OK\r\n")
