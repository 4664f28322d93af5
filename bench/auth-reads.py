#!/usr/bin/env python3
"""Authenticated reads of the contact API: what each request's login costs.

Starts the packaged jar on a fresh H2 database with the demo data, opens one case, then calls
GET /api/me and GET /api/cases/{n} with HTTP Basic (as docs/api.md does) from 1 and from C
concurrent clients (keep-alive connections), for S seconds each. Prints calls/s and p50/p95/p99,
and appends the table to bench/results/<date>.md with the machine and the commit.

    python3 bench/auth-reads.py                   # 16 clients, 15 s per row
    python3 bench/auth-reads.py --clients 2 --seconds 1 --check   # CI's tiny run: counts, not times
"""
import argparse, base64, datetime, http.client, json, os, platform, shutil, socket, statistics
import subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def start(jar, port, data_dir, log):
    process = subprocess.Popen(
        ["java", "-jar", jar, f"--server.port={port}", f"--caseops.data-dir={data_dir}",
         "--spring.profiles.active=demo"],
        stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 120
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"the service stopped at start-up; see {log.name}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/actuator/health")
            if c.getresponse().status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.5)
    process.kill()
    sys.exit("the service did not become healthy in 120 s")


def call(port, method, path, auth, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": auth, "Content-Type": "application/json"}
    c.request(method, path, body=json.dumps(body) if body else None, headers=headers)
    r = c.getresponse()
    return r.status, r.read()


def measure(port, path, auth, clients, seconds):
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.time() + seconds

    def worker():
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, bad = [], 0
        while time.time() < stop:
            t = time.perf_counter()
            c.request("GET", path, headers={"Authorization": auth})
            r = c.getresponse()
            r.read()
            mine.append((time.perf_counter() - t) * 1000)
            bad += r.status != 200
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {"calls": len(latencies), "errors": errors[0], "per_s": len(latencies) / elapsed,
            "p50": q[49], "p95": q[94], "p99": q[98]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=os.path.join(ROOT, "target", "caseops.jar"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--label", default=None, help="what was measured (default: the commit)")
    parser.add_argument("--check", action="store_true", help="fail on any non-200 answer (CI)")
    parser.add_argument("--no-record", action="store_true", help="print only")
    args = parser.parse_args()
    if not os.path.exists(args.jar):
        sys.exit(f"no {args.jar}: run ./mvnw -q package -DskipTests first")

    port, data_dir = free_port(), tempfile.mkdtemp(prefix="caseops-bench-")
    log = open(os.path.join(data_dir, "service.log"), "w")
    service = start(args.jar, port, data_dir, log)
    try:
        ivy = basic("ivy.patel@initech.example", "ivy.patel")
        status, body = call(port, "POST", "/api/cases", ivy, {
            "product": "automation-360", "subject": "Runner offline", "description": "Runner 7 is offline.",
            "region": "EMEA", "answers": {"productionAffected": True, "productUsable": True,
            "workaroundAvailable": False, "usersAffected": "several", "businessImpact": "critical",
            "requestType": "incident"}})
        if status != 201:
            sys.exit(f"could not open the case: {status} {body[:300]}")
        number = json.loads(body)["caseNumber"]
        rows = []
        for path in ["/api/me", f"/api/cases/{number}"]:
            for clients in sorted({1, args.clients}):
                m = measure(port, path, ivy, clients, args.seconds)
                rows.append((path.replace(number, "{n}"), clients, m))
    finally:
        service.terminate()
        service.wait(30)
        log.close()

    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    label = args.label or f"commit {commit}"
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = [f"### auth-reads: {label}, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
             "",
             f"{os.cpu_count()} cores, {mem_gb:.0f} GB, {platform.platform()}, H2 (demo data), "
             f"HTTP Basic, {args.seconds:g} s per row",
             "",
             "| call | clients | calls | calls/s | p50 ms | p95 ms | p99 ms | non-200 |",
             "|---|---|---|---|---|---|---|---|"]
    for path, clients, m in rows:
        lines.append(f"| GET {path} | {clients} | {m['calls']} | {m['per_s']:.0f} | {m['p50']:.1f} | "
                     f"{m['p95']:.1f} | {m['p99']:.1f} | {m['errors']} |")
    table = "\n".join(lines) + "\n"
    print(table)
    if not args.no_record:
        results = os.path.join(ROOT, "bench", "results", f"{datetime.date.today()}.md")
        with open(results, "a") as f:
            f.write(table + "\n")
        print(f"appended to {os.path.relpath(results, ROOT)}")
    shutil.rmtree(data_dir, ignore_errors=True)
    if args.check and (any(m["errors"] for _, _, m in rows) or any(m["calls"] == 0 for _, _, m in rows)):
        sys.exit("some calls did not answer 200")


if __name__ == "__main__":
    main()
