#!/usr/bin/env python3
"""Policy quotes: the public GET /api/policy/response-due, and what each one writes.

Starts the packaged jar on a fresh database on the local PostgreSQL server (127.0.0.1:5432; profiles postgres
and demo, history level full) with the per-address limit on anonymous calls raised out of the way (the load
comes from one address), then asks for quotes from 1 and from C keep-alive clients for S seconds each, in a
mix of both catalogues' plans, severities and time slots. Prints calls/s and p50/p95/p99, and the rows of
decision history and of every other table written meanwhile (a quote must write none). Appends the table to
bench/results/<date>.md.

    python3 bench/quotes.py                               # 16 clients, 15 s per row
    python3 bench/quotes.py --clients 2 --seconds 1 --check --no-record    # CI
"""
import sys, time

from benchlib import heading, machine, measure, postgres_node, psql, record, require_jar, timed_arguments

QUOTES = [
    "catalogue=automation-anywhere&plan=silver&severity=2&product=automation-360&region=EMEA",
    "catalogue=automation-anywhere&plan=gold&severity=1&product=automation-360&region=JAPAN-KOREA",
    "catalogue=automation-anywhere&plan=titanium&severity=3&product=process-discovery&region=AMER",
    "catalogue=adobe-experience-cloud&plan=ultimate&severity=2&product=adobe-experience-manager&region=EMEA",
]

WRITES = "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables"


def main():
    args = timed_arguments(__doc__, clients=16, seconds=15).parse_args()
    require_jar(args.jar)

    rows = []
    with postgres_node(args.jar, "quotes", extra=["--caseops.security.anonymous.burst=100000000",
                                                  "--caseops.security.anonymous.per-second=100000000"]) as node:
        # Warm-up, unmeasured: classes, parsed decisions.
        for query in QUOTES:
            measure(node.port, f"/api/policy/response-due?{query}", None, 1, 1)
        decisions_before = int(psql(node.database, "select count(*) from act_hi_decinst"))
        # PostgreSQL reports table statistics with a delay of up to a second: let the start-up's writes land.
        time.sleep(2)
        writes_before = int(psql(node.database, WRITES))
        for clients in sorted({1, args.clients}):
            for query in QUOTES:
                m = measure(node.port, f"/api/policy/response-due?{query}", None, clients,
                            args.seconds / len(QUOTES))
                rows.append((query, clients, m))
        decisions = int(psql(node.database, "select count(*) from act_hi_decinst")) - decisions_before
        # No case is open and the job executor is idle, so any growth is the quotes'.
        time.sleep(2)
        writes = int(psql(node.database, WRITES)) - writes_before

    lines = [heading("quotes", args.label), "",
             f"{machine('PostgreSQL (local), one node, history level full')}, anonymous, "
             f"{args.seconds:g} s per client count over {len(QUOTES)} quotes", "",
             "| clients | calls | calls/s | p50 ms | p95 ms | p99 ms | non-200 |", "|---|---|---|---|---|---|---|"]
    for clients in sorted({1, args.clients}):
        ms = [m for _, c, m in rows if c == clients]
        calls = sum(m["calls"] for m in ms)
        per_s = sum(m["per_s"] for m in ms) / len(ms)
        lines.append(f"| {clients} | {calls} | {per_s:.0f} | {max(m['p50'] for m in ms):.1f} | "
                     f"{max(m['p95'] for m in ms):.1f} | {max(m['p99'] for m in ms):.1f} | "
                     f"{sum(m['errors'] for m in ms)} |")
    lines += ["", f"Decision history rows written by the quotes: {decisions}; rows written to any table: {writes}. "
              "(p50/p95/p99: the worst of the quotes.)"]
    record("\n".join(lines) + "\n", args.no_record)
    # The engine's own bookkeeping (its metrics reporter) may write a few rows while the quotes run; a quote
    # that wrote would write at least once per call.
    calls = sum(m["calls"] for _, _, m in rows)
    if args.check and (any(m["errors"] or not m["calls"] for _, _, m in rows) or decisions or writes >= calls):
        sys.exit("quotes check failed: a non-200 answer, no answer, or rows written")


if __name__ == "__main__":
    main()
