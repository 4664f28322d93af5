#!/usr/bin/env python3
"""Reads of the contact API with 100,000 cases in the database.

Starts the packaged jar on a fresh database on the local PostgreSQL server (127.0.0.1:5432; profiles postgres and
demo), opens one case through the API as ivy.patel (Silver, Initech), then seeds N more cases of the same account
straight into the read model with one INSERT (the seeding is not the benchmark: these cases have no process, which
the reads below never touch), half submitted by ivy.patel, half by a colleague who puts nobody in CC, over the past
N minutes, 70 % closed. Then, from 1 and from C keep-alive clients for S seconds each: GET /api/cases (the first
page), GET /api/cases?page=P (a deep page of ivy's own cases) and GET /api/cases/{n}. Prints calls/s and
p50/p95/p99 and the cases in the database; appends the table to bench/results/<date>.md.

    python3 bench/reads.py                                          # 100,000 cases, 16 clients, 10 s per row
    python3 bench/reads.py --cases 1000 --clients 2 --seconds 1 --check --no-record    # CI
"""
import json, sys

from benchlib import (SEV2_SUBMISSION, basic, call, heading, machine, measure, postgres_node, psql, record,
                      require_jar, timed_arguments)

IVY = ("ivy.patel@initech.example", "ivy.patel")
COLLEAGUE = "jon.berg@initech.example"


def seed(database, template, count):
    psql(database, f"""
        insert into support_case (case_number, account_id, product_id, submitter, subject, description, status,
            severity, plan, region, language, candidate_group, response_target, warning_at, due_at, submitted_at,
            status_since, closed_at)
        select 'CASE-2025-' || lpad(g::text, 6, '0'), c.account_id, c.product_id,
            case when g % 2 = 0 then c.submitter else '{COLLEAGUE}' end, 'Seeded case ' || g, c.description,
            case when g % 10 < 7 then 'Closed' else 'In progress' end, 1 + g % 4, c.plan, c.region, c.language,
            c.candidate_group, c.response_target, c.warning_at - make_interval(mins => g),
            c.due_at - make_interval(mins => g), c.submitted_at - make_interval(mins => g),
            c.submitted_at - make_interval(mins => g),
            case when g % 10 < 7 then c.submitted_at - make_interval(mins => g) end
        from support_case c, generate_series(1, {count}) g where c.case_number = '{template}'""")
    # A database in use is vacuumed by autovacuum; a freshly loaded table is not yet.
    psql(database, "vacuum analyze support_case")
    return int(psql(database, "select count(*) from support_case"))


def main():
    parser = timed_arguments(__doc__, clients=16, seconds=10)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    require_jar(args.jar)

    ivy = basic(*IVY)
    rows = []
    with postgres_node(args.jar, "reads") as node:
        status, body = call(node.port, "POST", "/api/cases", ivy, SEV2_SUBMISSION)
        if status != 201:
            sys.exit(f"could not open the case: {status} {body[:300]}")
        number = json.loads(body)["caseNumber"]
        total = seed(node.database, number, args.cases)
        deep = max(0, args.cases // 2 // 20 - 1)  # ivy's own cases are half the seeded ones, 20 a page
        paths = [("GET /api/cases (page 0)", "/api/cases"),
                 (f"GET /api/cases?page={deep}", f"/api/cases?page={deep}"),
                 ("GET /api/cases/{n}", f"/api/cases/{number}")]
        status, body = call(node.port, "GET", paths[1][1], ivy)
        if status != 200 or not json.loads(body).get("cases"):
            sys.exit(f"the deep page is empty or refused: {status} {body[:300]}")
        for name, path in paths:
            for clients in sorted({1, args.clients}):
                rows.append((name, clients, measure(node.port, path, ivy, clients, args.seconds)))

    lines = [heading("reads", args.label), "",
             f"{machine('PostgreSQL (local), one node')}, {total:,} cases in the database, HTTP Basic as "
             f"ivy.patel, {args.seconds:g} s per row", "",
             "| call | clients | calls | calls/s | p50 ms | p95 ms | p99 ms | non-200 |",
             "|---|---|---|---|---|---|---|---|"]
    for name, clients, m in rows:
        lines.append(f"| {name} | {clients} | {m['calls']} | {m['per_s']:.0f} | {m['p50']:.1f} | "
                     f"{m['p95']:.1f} | {m['p99']:.1f} | {m['errors']} |")
    record("\n".join(lines) + "\n", args.no_record)
    if args.check and any(m["errors"] or not m["calls"] for _, _, m in rows):
        sys.exit("reads check failed: some calls did not answer 200")


if __name__ == "__main__":
    main()
