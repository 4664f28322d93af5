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
import argparse, json, os, random, shutil, signal, subprocess, sys, tempfile, threading, time
import uuid

from benchlib import (JAR, SEV2_SUBMISSION, SmtpSink, await_healthy, basic, call, free_port, heading,
                      in_parallel, launch, machine, record, require_jar)


def psql(database, sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql],
                         capture_output=True, text=True, check=True).stdout.strip()
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jar", default=JAR)
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--lock-seconds", type=int, default=None,
                        help="the job executor's lock time (default: the configured one, application.yaml)")
    parser.add_argument("--label", default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 on any lost or doubled case or lost mail")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    require_jar(args.jar)

    database = f"caseops_bench_{uuid.uuid4().hex[:10]}"
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    work = tempfile.mkdtemp(prefix="caseops-node-kill-")
    smtp_port = free_port()
    sink = SmtpSink(smtp_port)
    options = [f"--spring.profiles.active=postgres,demo",
               f"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/{database}",
               "--spring.datasource.username=postgres", f"--spring.mail.port={smtp_port}",
               "--caseops.mail.sink.enabled=false", "--spring.mail.host=127.0.0.1",
               "--caseops.demo.cases=false"]
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
        staff_groups = int(psql(database, "select count(*) from act_id_group"))

        size_before = int(psql(database, "select pg_database_size(current_database())"))
        auth = basic("ivy.patel@initech.example", "ivy.patel")
        cases, lock = {}, threading.Lock()
        statuses, answered = {}, [0]
        killed = threading.Event()
        keys = [str(uuid.uuid4()) for _ in range(args.cases)]
        queue = list(keys)

        def submit(key):
            """Tries the key on a live node until a case number comes back."""
            while True:
                port = ports[1] if killed.is_set() else random.choice(ports)
                try:
                    status, body = call(port, "POST", "/api/cases", auth, SEV2_SUBMISSION,
                                        {"Idempotency-Key": key}, timeout=60)
                except OSError:
                    status, body = "no answer", b""
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                if status in (200, 201):
                    return json.loads(body)["caseNumber"]
                time.sleep(0.2)

        def client():
            while True:
                with lock:
                    if not queue:
                        return
                    key = queue.pop()
                number = submit(key)
                with lock:
                    cases[key] = number
                    answered[0] += 1
                    if answered[0] == args.cases // 2 and not killed.is_set():
                        nodes[0].send_signal(signal.SIGKILL)
                        killed.set()
                        kill_time[0] = time.time()

        kill_time = [None]
        load_seconds = in_parallel(client, args.clients)

        # Node B sends every mail, those whose jobs the dead node had locked too.
        deadline = time.time() + 600
        while time.time() < deadline:
            if psql(database, "select count(*) from mail_outbox where sent_at is null") == "0":
                break
            time.sleep(1)
        takeover = time.time() - kill_time[0]

        present = psql(database, "select count(*) from support_case where subject = 'Runner offline'")
        distinct = psql(database, "select count(distinct case_number) from support_case where subject = 'Runner offline'")
        processes = psql(database, "select count(*) from act_hi_procinst p join support_case c "
                                   "on c.case_number = p.business_key_ where p.proc_def_key_ = 'SupportCase' "
                                   "and c.subject = 'Runner offline'")
        timers = psql(database, "select count(*) from act_ru_job where type_ = 'timer'")
        cases_with_timers = psql(database, "select count(distinct e.business_key_) from act_ru_job j join "
                                           "act_ru_execution e on e.id_ = j.process_instance_id_ "
                                           "where j.type_ = 'timer'")
        outbox = int(psql(database, "select count(*) from mail_outbox"))
        unsent = int(psql(database, "select count(*) from mail_outbox where sent_at is null"))
        expected_copies = int(psql(database,
            "select coalesce(sum(array_length(string_to_array(recipients || coalesce(',' || cc, ''), ','), 1)), 0) "
            "from mail_outbox"))
        copies = sink.received()
        message_ids = {m for m, _ in copies}
        doubled = len(copies) - len(set(copies))
        incidents = psql(database, "select count(*) from act_ru_incident")
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
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database])

    lost = len(set(cases.values())) != len(cases) or int(distinct) != len(cases) or int(present) != len(cases)
    rows = [("nodes started together on an empty database", f"2 in {started:.0f} s; {waits} waits for the start-up "
                                                            f"lock; {filters} Tasklist filters, {staff_groups} groups"),
            ("clients, cases submitted", f"{args.clients}, {len(cases)} (node A killed after {args.cases // 2})"),
            ("answers seen by the clients", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str))),
            ("load time", f"{load_seconds:.1f} s"),
            ("cases present (distinct)", f"{present} ({distinct})"),
            ("SupportCase processes", processes),
            ("SLA timers scheduled", f"{timers} on {cases_with_timers} cases"),
            ("mails in the outbox / unsent", f"{outbox} / {unsent}"),
            ("mails received by SMTP (distinct Message-IDs)", f"{len(message_ids)}"),
            ("copies received / expected (one per recipient)", f"{len(copies)} / {expected_copies}"),
            ("copies received twice (same Message-ID, same recipient)", str(doubled)),
            ("from the kill to the last mail sent", f"{takeover:.0f} s"),
            ("incidents", incidents),
            ("database growth per 1,000 cases (history full; open cases, one mail each)",
             f"{growth / len(cases) * 1000 / 2**20:.1f} MB")]
    lines = [heading("node-kill", args.label), "",
             f"{machine('PostgreSQL (local), two nodes')}, job lock time "
             f"{f'{args.lock_seconds} s' if args.lock_seconds else 'as configured (120 s)'}", "",
             "| figure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    record("\n".join(lines) + "\n", args.no_record)
    shutil.rmtree(work, ignore_errors=True)
    if args.check:
        problems = []
        if lost:
            problems.append("a case is missing or doubled")
        if int(processes) != len(cases):
            problems.append("a case has no process")
        if unsent or len(message_ids) != outbox:
            problems.append("a mail was not sent")
        if filters != 2:
            problems.append("the staff set-up ran twice")
        if incidents != "0":
            problems.append("incidents")
        if problems:
            sys.exit("node-kill check failed: " + "; ".join(problems))


if __name__ == "__main__":
    main()
