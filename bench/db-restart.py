#!/usr/bin/env python3
"""PostgreSQL restarts under load: the local server is stopped and started while cases are submitted.

Creates a fresh database on the local PostgreSQL server (127.0.0.1:5432, trust auth) and starts the packaged
jar on it (profiles postgres and demo) with an SMTP sink. Clients submit N cases, each with its
Idempotency-Key, retrying after a 503 as its Retry-After says. A third of the way in, the server is
stopped (pg_ctlcluster ... stop -m fast: every connection drops) and started again D seconds later.
Prints what the clients were answered (503s, and any 500), how long until the first case after the
restart, and what became of the cases, timers and mails. Appends the table to bench/results/<date>.md.
Run it as a user who may run pg_ctlcluster, and not while other work uses the server.

    python3 bench/db-restart.py                                   # 300 cases, 6 clients, 10 s down
    python3 bench/db-restart.py --cases 20 --clients 2 --down-seconds 3 --check --no-record   # CI
"""
import os, shutil, subprocess, sys, tempfile, threading, time

from benchlib import (postgres_options, arguments, SmtpSink, Submissions, await_mails_sent, basic, drop_database, free_port,
                      fresh_database, heading, machine, outcome, outcome_problems, outcome_rows, record,
                      require_jar, start)


def cluster(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action]
                   + (["-m", "fast"] if action == "stop" else []), check=True)
    if action == "start":
        for _ in range(60):
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0:
                return
            time.sleep(0.5)
        sys.exit("PostgreSQL did not come back")


def main():
    parser = arguments(__doc__, cases=300, clients=6)
    parser.add_argument("--down-seconds", type=float, default=10)
    args = parser.parse_args()
    require_jar(args.jar)

    database = fresh_database("caseops_bench")
    work = tempfile.mkdtemp(prefix="caseops-db-restart-")
    port, smtp_port = free_port(), free_port()
    sink = SmtpSink(smtp_port)
    log = open(os.path.join(work, "service.log"), "w")
    service = start(args.jar, port, postgres_options(database, smtp_port), log)
    restarted, stopped_at, back_at, first_after = threading.Event(), [None], [None], [None]
    try:
        submissions = Submissions(args.cases, basic("ivy.patel@initech.example", "ivy.patel"))

        def restart_a_third_in(done):
            if done >= args.cases // 3 and not restarted.is_set():
                restarted.set()
                stopped_at[0] = time.time()
                cluster("stop")
                time.sleep(args.down_seconds)
                cluster("start")
                back_at[0] = time.time()
            elif back_at[0] and first_after[0] is None:
                first_after[0] = time.time() - back_at[0]

        load_seconds = submissions.run(args.clients, lambda: port, restart_a_third_in)
        await_mails_sent(database)
        figures = outcome(database, submissions, sink)
    finally:
        service.terminate()
        service.wait(60)
        log.close()
        sink.stop()
        drop_database(database)

    served = log.name
    rows = [("clients, cases submitted", f"{args.clients}, {len(submissions.cases)}"),
            ("server stopped after", f"{args.cases // 3} cases, for {args.down_seconds:g} s"),
            ("answers seen by the clients", submissions.answers()),
            ("from the server's start to the next case", f"{first_after[0]:.1f} s" if first_after[0] else "-"),
            ("load time", f"{load_seconds:.1f} s")] + outcome_rows(figures)
    lines = [heading("db-restart", args.label), "", machine("PostgreSQL (local), one node"), "",
             "| figure | value |", "|---|---|"] + [f"| {name} | {value} |" for name, value in rows]
    record("\n".join(lines) + "\n", args.no_record)
    problems = outcome_problems(figures, len(submissions.cases))
    if submissions.statuses.get(500):
        problems.append("500 answers")
    if args.check and problems:
        sys.exit(f"db-restart check failed: {'; '.join(problems)} (log: {served})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
