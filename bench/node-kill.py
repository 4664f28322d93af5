#!/usr/bin/env python3
"""A node dies under load: two CaseOps nodes on one PostgreSQL database, one killed with kill -9.

Creates a fresh database on the local PostgreSQL server (127.0.0.1:5432, trust auth), starts an SMTP
sink, then starts two nodes of the packaged jar at the same instant on the empty database (profiles
postgres and demo: they must not race on the schema, the staff set-up or the demo data). Clients
submit N cases through both nodes, as a load balancer would, each with its Idempotency-Key; when half
are in, node A is killed with SIGKILL, and every submission that was in flight there is retried on
node B with the same key. Then it waits until node B has sent every mail, the dead node's locked jobs
included (after their lock time), and prints: cases submitted, cases present, processes, SLA timers
scheduled, mails in the outbox, mails received by the SMTP sink, copies sent twice, and how long the
takeover took. Appends the table to bench/results/<date>.md.

    python3 bench/node-kill.py                         # 400 cases, 8 clients
    python3 bench/node-kill.py --cases 20 --clients 2 --lock-seconds 15 --check --no-record   # CI
"""
import os, random, shutil, signal, sys, tempfile, threading, time

from benchlib import (postgres_options, arguments, SmtpSink, Submissions, await_healthy, await_mails_sent, basic, drop_database,
                      free_port, fresh_database, heading, launch, machine, outcome, outcome_problems, outcome_rows,
                      psql, record, require_jar)


def main():
    parser = arguments(__doc__, cases=400, clients=8)
    parser.add_argument("--lock-seconds", type=int, default=None,
                        help="the job executor's lock time (default: the configured one, application.yaml)")
    args = parser.parse_args()
    require_jar(args.jar)

    database = fresh_database("caseops_bench")
    work = tempfile.mkdtemp(prefix="caseops-node-kill-")
    smtp_port = free_port()
    sink = SmtpSink(smtp_port)
    options = postgres_options(database, smtp_port)
    if args.lock_seconds:
        options.append(f"--camunda.bpm.job-execution.lock-time-in-millis={args.lock_seconds * 1000}")
    ports = [free_port(), free_port()]
    logs = [open(os.path.join(work, f"node-{name}.log"), "w") for name in "ab"]
    nodes = []
    try:
        # Both at once, on the empty database.
        began = time.time()
        nodes = [launch(args.jar, port, options, log) for port, log in zip(ports, logs)]
        for node, port, log in zip(nodes, ports, logs):
            await_healthy(node, port, log.name, seconds=300)
        started = time.time() - began
        waits = sum(open(log.name).read().count("Another node is starting on this database") for log in logs)
        filters = int(psql(database, "select count(*) from act_ru_filter"))
        # The same filter twice: both nodes ran the staff set-up.
        twice = int(psql(database, "select count(*) - count(distinct name_) from act_ru_filter"))
        staff_groups = int(psql(database, "select count(*) from act_id_group"))
        size_before = int(psql(database, "select pg_database_size(current_database())"))

        submissions = Submissions(args.cases, basic("ivy.patel@initech.example", "ivy.patel"))
        killed, kill_time = threading.Event(), [None]

        def kill_node_a_halfway(done):
            if done >= args.cases // 2 and not killed.is_set():
                killed.set()
                nodes[0].send_signal(signal.SIGKILL)
                kill_time[0] = time.time()

        load_seconds = submissions.run(
            args.clients, lambda: ports[1] if killed.is_set() else random.choice(ports), kill_node_a_halfway)
        # Node B sends every mail, those whose jobs the dead node had locked too.
        await_mails_sent(database)
        takeover = time.time() - kill_time[0]
        figures = outcome(database, submissions, sink)
        psql(database, "checkpoint")
        growth = int(psql(database, "select pg_database_size(current_database())")) - size_before
    finally:
        for node in nodes:
            if node.poll() is None:
                node.terminate()
                node.wait(60)
        for log in logs:
            log.close()
        sink.stop()
        drop_database(database)

    rows = [("nodes started together on an empty database",
             f"2 in {started:.0f} s; {waits} waits for the start-up lock; {filters} Tasklist filters, "
             f"{staff_groups} groups"),
            ("clients, cases submitted", f"{args.clients}, {len(submissions.cases)} (node A killed after "
                                         f"{args.cases // 2})"),
            ("answers seen by the clients", submissions.answers()),
            ("load time", f"{load_seconds:.1f} s")]
    rows += outcome_rows(figures)
    rows += [("from the kill to the last mail sent", f"{takeover:.0f} s"),
             ("database growth per 1,000 cases (history full; open cases, one mail each)",
              f"{growth / len(submissions.cases) * 1000 / 2**20:.1f} MB")]
    lines = [heading("node-kill", args.label), "",
             f"{machine('PostgreSQL (local), two nodes')}, job lock time "
             f"{f'{args.lock_seconds} s' if args.lock_seconds else 'as configured (120 s)'}", "",
             "| figure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    record("\n".join(lines) + "\n", args.no_record)
    shutil.rmtree(work, ignore_errors=True)
    if args.check:
        problems = outcome_problems(figures, len(submissions.cases))
        if twice != 0 or filters == 0:
            problems.append("the staff set-up ran twice" if twice else "no Tasklist filter was made")
        if problems:
            sys.exit("node-kill check failed: " + "; ".join(problems))


if __name__ == "__main__":
    main()
