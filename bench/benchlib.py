"""What every benchmark of bench/ shares: starting the packaged jar, calling it, recording figures."""
import base64, datetime, http.client, json, os, platform, socket, socketserver, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "caseops.jar")

SEV2_SUBMISSION = {
    "product": "automation-360", "subject": "Runner offline", "description": "Runner 7 is offline.",
    "region": "EMEA", "answers": {"productionAffected": True, "productUsable": True,
                                  "workaroundAvailable": False, "usersAffected": "several",
                                  "businessImpact": "critical", "requestType": "incident"}}


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
