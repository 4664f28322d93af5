#!/usr/bin/env python3
"""Start-up and footprint: time from `java -jar` to health UP, and resident memory then, on H2 and PostgreSQL.

Starts the packaged jar R times on a fresh H2 database (demo data) and R times on a fresh PostgreSQL database
(127.0.0.1:5432, profiles postgres and demo), each first start on an empty database and the others on the
database the first one made. Prints seconds to /actuator/health UP and the process's resident set (VmRSS)
right after, and again after 20 authenticated reads. Appends the table to bench/results/<date>.md.

    python3 bench/startup.py                 # 3 starts each
    python3 bench/startup.py --runs 1 --check --no-record    # CI
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

from benchlib import (JAR, await_healthy, basic, call, drop_database, free_port, fresh_database, heading, launch,
                      machine, record, require_jar)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def one_start(jar, options, work, name):
    port = free_port()
    with open(os.path.join(work, f"{name}.log"), "w") as log:
        began = time.time()
        process = launch(jar, port, options, log)
        try:
            await_healthy(process, port, log.name, seconds=300)
            seconds = time.time() - began
            at_start = rss_mb(process.pid)
            auth = basic("ivy.patel@initech.example", "ivy.patel")
            for _ in range(20):
                status, _ = call(port, "GET", "/api/cases", auth)
                if status != 200:
                    sys.exit(f"GET /api/cases answered {status}; see {log.name}")
            return seconds, at_start, rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(60)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=JAR)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--label", default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 unless every start became healthy")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    require_jar(args.jar)

    work = tempfile.mkdtemp(prefix="caseops-startup-")
    database = fresh_database("caseops_bench")
    rows = []
    try:
        # The demo's months of history are a one-time seeding of a first demo start, not start-up.
        h2 = [f"--caseops.data-dir={work}/h2", "--spring.profiles.active=demo", "--caseops.demo.history-months=0"]
        postgres = ["--spring.profiles.active=postgres,demo", "--caseops.demo.history-months=0",
                    f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/{database}",
                    "--spring.datasource.username=postgres"]
        for name, options in (("H2", h2), ("PostgreSQL", postgres)):
            for run in range(args.runs):
                seconds, at_start, after_reads = one_start(args.jar, options, work, f"{name}-{run}")
                rows.append((name, "empty" if run == 0 else "existing", seconds, at_start, after_reads))
    finally:
        drop_database(database)

    lines = [heading("startup", args.label), "", machine("H2 and PostgreSQL (local), demo data"), "",
             "| database | on a database | seconds to health UP | resident MB at UP | resident MB after 20 reads |",
             "|---|---|---|---|---|"]
    lines += [f"| {db} | {state} | {s:.1f} | {a:.0f} | {b:.0f} |" for db, state, s, a, b in rows]
    record("\n".join(lines) + "\n", args.no_record)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
