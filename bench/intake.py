#!/usr/bin/env python3
"""Intake: cases through POST /api/cases, against the bare engine's ceiling measured in the same run.

Creates a fresh database on the local PostgreSQL server (127.0.0.1:5432) and starts the packaged jar on it
(profiles postgres, demo and bench; history level full) with an SMTP sink. Submits N cases from C clients,
each with its own Idempotency-Key, in a realistic mix: every demo plan of both catalogues (Expert, Ultimate,
Orange to Titanium), the time slots the plans let a contact choose, and severities 1 to 4 from the answers.
Then, on the same node, database and history level, the bare-engine ceiling: N instances of a process with
one user task started through RuntimeService by C threads (the bench profile's /bench/engine-ceiling).
Prints cases/s and p50/p95/p99 of both, and the ratio. Appends the table to bench/results/<date>.md.

    python3 bench/intake.py                                  # 2,000 cases, 16 clients
    python3 bench/intake.py --cases 20 --clients 2 --check --no-record    # CI
"""
import json, statistics, sys, threading, time, uuid

from benchlib import arguments, basic, call, heading, in_parallel, machine, postgres_node, record, require_jar

ANSWERS = {
    1: {"productionAffected": True, "productUsable": False, "workaroundAvailable": False,
        "usersAffected": "all", "businessImpact": "critical", "requestType": "incident"},
    2: {"productionAffected": True, "productUsable": True, "workaroundAvailable": False,
        "usersAffected": "several", "businessImpact": "critical", "requestType": "incident"},
    3: {"productionAffected": True, "productUsable": True, "workaroundAvailable": False,
        "usersAffected": "several", "businessImpact": "major", "requestType": "incident"},
    4: {"productionAffected": False, "productUsable": True, "workaroundAvailable": True,
        "usersAffected": "one", "businessImpact": "minor", "requestType": "question"},
}

# (contact, product, time slot or None): one contact of each plan, in the slots its plan lets it choose.
CONTACTS = [
    ("ana.lima@northwind.example", "adobe-experience-manager", None),        # Expert
    ("chloe.martin@contoso.example", "adobe-experience-manager", None),      # Ultimate
    ("gina.ruiz@globex.example", "automation-360", None),                    # Orange
    ("ivy.patel@initech.example", "automation-360", "EMEA"),                 # Silver
    ("ivy.patel@initech.example", "automation-360", "AMER"),
    ("kei.tanaka@umbrella.example", "automation-360", "JAPAN-KOREA"),        # Gold
    ("kei.tanaka@umbrella.example", "process-discovery", "APAC"),
    ("maria.silva@stark.example", "automation-360", "LATAM"),                # Platinum
    ("noah.kim@wayne.example", "process-discovery", "EMEA"),                 # Titanium
]
# Mostly Sev 2 and 3, some Sev 4, a few Sev 1: what a support desk sees.
SEVERITIES = [2, 3, 3, 2, 4, 3, 2, 3, 4, 2, 3, 2, 3, 4, 3, 2, 3, 2, 4, 1]


def submission(i):
    contact, product, slot = CONTACTS[i % len(CONTACTS)]
    body = {"product": product, "subject": f"Intake bench {i}", "description": "Bots stop at login since 08:00.",
            "answers": ANSWERS[SEVERITIES[i % len(SEVERITIES)]]}
    if slot:
        body["region"] = slot
    return contact, body


def quantiles(values):
    q = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
    return q[49], q[94], q[98]


def main():
    parser = arguments(__doc__, cases=2000, clients=16)
    args = parser.parse_args()
    require_jar(args.jar)

    refused, latencies, severities, lock = [], [], {}, threading.Lock()
    with postgres_node(args.jar, "intake", profiles="postgres,demo,bench") as node:
        port = node.port
        # Warm-up: the first calls load classes and caches; not measured.
        for i in range(min(50, args.cases)):
            contact, body = submission(i)
            call(port, "POST", "/api/cases", basic(contact, contact.split("@")[0]), body)
        nxt = [0]

        def client():
            while True:
                with lock:
                    i = nxt[0]
                    if i >= args.cases:
                        return
                    nxt[0] += 1
                contact, body = submission(i)
                began = time.perf_counter()
                status, answer = call(port, "POST", "/api/cases", basic(contact, contact.split("@")[0]), body,
                                      {"Idempotency-Key": str(uuid.uuid4())}, timeout=120)
                took = (time.perf_counter() - began) * 1000
                with lock:
                    if status == 201:
                        latencies.append(took)
                        severity = json.loads(answer).get("severity")
                        severities[severity] = severities.get(severity, 0) + 1
                    else:
                        refused.append(f"{status} {contact} {answer[:200]}")

        seconds = in_parallel(client, args.clients)
        status, answer = call(port, "POST",
                              f"/bench/engine-ceiling?instances={args.cases}&threads={args.clients}",
                              basic("demo", "demo"), timeout=3600)
        if status != 200:
            sys.exit(f"the engine ceiling answered {status}: {answer[:300]}")
        ceiling = json.loads(answer)

    intake_rate = len(latencies) / seconds
    p50, p95, p99 = quantiles(latencies) if latencies else (0, 0, 0)
    lines = [heading("intake", args.label), "",
             f"{machine('PostgreSQL (local), one node, history level full')}, {args.clients} clients", "",
             "| what | count | per second | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|",
             f"| POST /api/cases (severities {dict(sorted(severities.items(), key=str))}) | {len(latencies)} | "
             f"{intake_rate:.1f} | {p50:.0f} | {p95:.0f} | {p99:.0f} |",
             f"| bare engine: start a one-user-task process (RuntimeService) | {ceiling['instances']} | "
             f"{ceiling['perSecond']:.1f} | {ceiling['p50Ms']:.0f} | {ceiling['p95Ms']:.0f} | "
             f"{ceiling['p99Ms']:.0f} |", "",
             f"Intake / ceiling: {intake_rate / ceiling['perSecond']:.2f}. Refused: {len(refused)}."]
    record("\n".join(lines) + "\n", args.no_record)
    if refused:
        print("refused, for example:", *refused[:3], sep="\n  ")
    if args.check and (refused or not latencies):
        sys.exit("intake check failed: some submissions were refused")


if __name__ == "__main__":
    main()
