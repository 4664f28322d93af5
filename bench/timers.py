#!/usr/bin/env python3
"""SLA timer lateness and a storm of customer reminders, with N open cases.

Creates a fresh database on the local PostgreSQL server (127.0.0.1:5432) and starts the packaged jar on it
(profiles postgres, demo and bench; history level full) with an SMTP sink, then opens N Sev 2 cases of a Silver
contact through POST /api/cases from 16 clients (the seeding, timed but not the benchmark) and lets their mails go.

lateness: each case has two SLA timers on its first-response task (Timer_ResponseWarning, Timer_ResponseBreach).
Their due instants are moved (one SQL update of ACT_RU_JOB) to spread evenly over --minutes, starting --lead seconds
later; each timer then runs as it would have on its day: the team and the escalation manager are mailed, a breach
opens the task to the escalation managers. Lateness is the instant the engine logged the timer's job as done
(ACT_HI_JOB_LOG, state successful) minus its due instant, from the engine's own records: p50/p95/p99/max.

storm: an engineer answers every open case asking for information (the bench profile's /bench/answer-open-cases, as
Tasklist would), which starts CustomerFollowUp and its reminder timers. Once their mails are gone, every first
reminder (Timer_FirstReminder) is moved to one instant --lead seconds away. Prints the time from that instant to the
last reminder mail sent (the outbox's sent_at) and the lateness of the reminder timers, and checks that each case got
exactly one reminder: outbox rows vs cases, mails received by the SMTP sink vs expected copies, none twice.

    python3 bench/timers.py                  # both, on the same 10,000 cases
    python3 bench/timers.py lateness         # or only one of them
    python3 bench/timers.py storm
    python3 bench/timers.py --cases 20 --clients 2 --look-ahead PT5S --lead 8 --minutes 0.1 --check --no-record  # CI
"""
import datetime, json, sys, time

from benchlib import (Submissions, arguments, await_mails_sent, basic, call, heading, machine, postgres_node, psql,
                      record, require_jar)

SLA_TIMERS = ("Timer_ResponseWarning", "Timer_ResponseBreach")
FIRST_REMINDER = ("Timer_FirstReminder",)


def activities(ids):
    return ", ".join(f"'{i}'" for i in ids)


def move_timers(database, ids, start, span_ms):
    """Moves the due instants of the timers of those activities to spread evenly over span_ms from start (the
    JVM's local time, as the engine writes it), in a random order. Returns how many were moved."""
    return int(psql(database, f"""
        with t as (select j.id_, row_number() over (order by random()) - 1 as k, count(*) over () as n
                   from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                   where d.act_id_ in ({activities(ids)})),
             moved as (update act_ru_job j set duedate_ = timestamp '{start:%Y-%m-%d %H:%M:%S.%f}'
                                                          + (t.k * {span_ms:.0f} / t.n) * interval '1 millisecond'
                       from t where j.id_ = t.id_ returning 1)
        select count(*) from moved"""))


def await_timers_done(database, ids, seconds):
    """Waits until no timer of those activities is left; returns whether it got there."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        left = psql(database, f"select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                              f"where d.act_id_ in ({activities(ids)})")
        if left == "0":
            return True
        time.sleep(1)
    return False


def lateness(database, ids):
    """Lateness in ms of the timers of those activities that ran (p50, p95, p99, max, count), and the failed
    attempts, from ACT_HI_JOB_LOG."""
    row = psql(database, f"""
        with l as (select extract(epoch from timestamp_ - job_duedate_) * 1000 as ms from act_hi_job_log
                   where job_state_ = 2 and act_id_ in ({activities(ids)}))
        select coalesce(percentile_cont(0.5) within group (order by ms), 0),
               coalesce(percentile_cont(0.95) within group (order by ms), 0),
               coalesce(percentile_cont(0.99) within group (order by ms), 0), coalesce(max(ms), 0), count(*)
        from l""").split("|")
    failed = int(psql(database, f"select count(*) from act_hi_job_log where job_state_ = 1 "
                                f"and act_id_ in ({activities(ids)})"))
    return [float(v) for v in row[:4]] + [int(row[4]), failed]


def run_lateness(node, args, lines):
    await_mails_sent(node.database)
    start = datetime.datetime.now() + datetime.timedelta(seconds=args.lead)
    span_ms = args.minutes * 60_000
    moved = move_timers(node.database, SLA_TIMERS, start, span_ms)
    done = await_timers_done(node.database, SLA_TIMERS, args.lead + span_ms / 1000 + 600)
    p50, p95, p99, worst, ran, failed = lateness(node.database, SLA_TIMERS)
    mails_sent = await_mails_sent(node.database)
    incidents = int(psql(node.database, "select count(*) from act_ru_incident"))
    lines += ["", f"SLA timers: {moved} (warning and breach of {args.cases} open cases) due over "
                  f"{args.minutes:g} minutes ({moved / (span_ms / 1000):.0f} a second)", "",
              "| timers run | failed attempts | lateness p50 ms | p95 ms | p99 ms | max ms | incidents |",
              "|---|---|---|---|---|---|---|",
              f"| {ran} | {failed} | {p50:.0f} | {p95:.0f} | {p99:.0f} | {worst:.0f} | {incidents} |"]
    problems = []
    if not done or ran != moved or moved != 2 * args.cases:
        problems.append(f"{moved} timers moved, {ran} ran, expected {2 * args.cases}")
    if not mails_sent or incidents:
        problems.append("mails left unsent or incidents")
    return problems


def run_storm(node, args, lines):
    status, answer = call(node.port, "POST", "/bench/answer-open-cases?action=request-information&threads=8",
                          basic("demo", "demo"), timeout=3600)
    if status != 200:
        sys.exit(f"answering the cases answered {status}: {answer[:300]}")
    answered = json.loads(answer)
    await_mails_sent(node.database)
    copies_before = len(node.sink.received())
    instant = datetime.datetime.now() + datetime.timedelta(seconds=args.lead)
    moved = move_timers(node.database, FIRST_REMINDER, instant, 0)
    done = await_timers_done(node.database, FIRST_REMINDER, args.lead + 600)
    sent = await_mails_sent(node.database)
    reminders = "from mail_outbox where event = 'reminder'"
    rows = int(psql(node.database, f"select count(*) {reminders}"))
    cases = int(psql(node.database, f"select count(distinct case_number) {reminders}"))
    expected = int(psql(node.database, "select coalesce(sum(array_length(string_to_array(recipients || "
                                       f"coalesce(',' || cc, ''), ','), 1)), 0) {reminders}"))
    last = float(psql(node.database, f"select coalesce(extract(epoch from max(sent_at) - "
                                     f"timestamp '{instant:%Y-%m-%d %H:%M:%S.%f}'), -1) {reminders}"))
    copies = node.sink.received()[copies_before:]
    doubled = len(copies) - len(set(copies))
    p50, p95, p99, worst, ran, failed = lateness(node.database, FIRST_REMINDER)
    incidents = int(psql(node.database, "select count(*) from act_ru_incident"))
    lines += ["", f"Storm: an engineer asked for information on {answered['count']} cases "
                  f"({answered['perSecond']:.0f} a second from 8 threads); their {moved} first reminders were "
                  "then due at one instant", "",
              "| reminders (outbox rows, cases) | all sent after | copies received / expected | received twice | "
              "timers run | failed attempts | timer lateness p50 ms | p99 ms | max ms | incidents |",
              "|---|---|---|---|---|---|---|---|---|---|",
              f"| {rows}, {cases} | {last:.1f} s | {len(copies)} / {expected} | {doubled} | {ran} | {failed} | "
              f"{p50:.0f} | {p99:.0f} | {worst:.0f} | {incidents} |"]
    problems = []
    if not done or not sent or moved != args.cases or rows != args.cases or cases != args.cases:
        problems.append(f"{moved} reminder timers moved, {rows} reminders queued for {cases} cases, "
                        f"expected {args.cases}")
    if len(copies) != expected or doubled or incidents:
        problems.append(f"{len(copies)} copies received of {expected}, {doubled} twice, {incidents} incidents")
    return problems


def main():
    parser = arguments(__doc__, cases=10_000, clients=16)
    parser.add_argument("part", nargs="?", choices=("lateness", "storm", "both"), default="both")
    parser.add_argument("--lead", type=float, default=40, help="seconds from moving the timers to the first due")
    parser.add_argument("--minutes", type=float, default=10, help="the SLA timers fall due over so many minutes")
    parser.add_argument("--look-ahead", default=None,
                        help="the node's caseops.jobs.look-ahead (default its own, PT30S); --lead must exceed it, "
                             "so that the moved timers are on time")
    args = parser.parse_args()
    require_jar(args.jar)

    problems = []
    extra = [f"--caseops.jobs.look-ahead={args.look_ahead}"] if args.look_ahead else []
    with postgres_node(args.jar, "timers", profiles="postgres,demo,bench", extra=extra) as node:
        contact = "ivy.patel@initech.example"
        submissions = Submissions(args.cases, basic(contact, "ivy.patel"))
        seeded = submissions.run(args.clients, lambda: node.port)
        lines = [heading(f"timers ({args.part})", args.label), "",
                 f"{machine('PostgreSQL (local), one node, history level full')}; {args.cases} Sev 2 Silver cases "
                 f"opened first through POST /api/cases from {args.clients} clients in {seeded:.0f} s "
                 f"({args.cases / seeded:.1f} a second; answers {submissions.answers()})"]
        if args.part in ("lateness", "both"):
            problems += run_lateness(node, args, lines)
        if args.part in ("storm", "both"):
            problems += run_storm(node, args, lines)
    record("\n".join(lines) + "\n", args.no_record)
    if args.check and problems:
        sys.exit("timers check failed: " + "; ".join(problems))


if __name__ == "__main__":
    main()
