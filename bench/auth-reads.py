#!/usr/bin/env python3
"""Authenticated reads of the contact API: what each request's login costs.

Starts the packaged jar on a fresh H2 database with the demo data, opens one case, then calls
GET /api/me and GET /api/cases/{n} with HTTP Basic (as docs/api.md does) from 1 and from C
concurrent clients (keep-alive connections), for S seconds each. Prints calls/s and p50/p95/p99,
and appends the table to bench/results/<date>.md with the machine and the commit.

    python3 bench/auth-reads.py                   # 16 clients, 15 s per row
    python3 bench/auth-reads.py --clients 2 --seconds 1 --check   # CI's tiny run: counts, not times
"""
import json, os, shutil, sys, tempfile

from benchlib import (SEV2_SUBMISSION, basic, call, free_port, heading, machine, measure, record, require_jar,
                      start, timed_arguments)


def main():
    args = timed_arguments(__doc__, clients=16, seconds=15).parse_args()
    require_jar(args.jar)

    port, data_dir = free_port(), tempfile.mkdtemp(prefix="caseops-bench-")
    log = open(os.path.join(data_dir, "service.log"), "w")
    service = start(args.jar, port, [f"--caseops.data-dir={data_dir}", "--spring.profiles.active=demo"], log)
    try:
        ivy = basic("ivy.patel@initech.example", "ivy.patel")
        status, body = call(port, "POST", "/api/cases", ivy, SEV2_SUBMISSION)
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

    lines = [heading("auth-reads", args.label),
             "",
             f"{machine('H2 (demo data)')}, HTTP Basic, {args.seconds:g} s per row",
             "",
             "| call | clients | calls | calls/s | p50 ms | p95 ms | p99 ms | non-200 |",
             "|---|---|---|---|---|---|---|---|"]
    for path, clients, m in rows:
        lines.append(f"| GET {path} | {clients} | {m['calls']} | {m['per_s']:.0f} | {m['p50']:.1f} | "
                     f"{m['p95']:.1f} | {m['p99']:.1f} | {m['errors']} |")
    record("\n".join(lines) + "\n", args.no_record)
    shutil.rmtree(data_dir, ignore_errors=True)
    if args.check and (any(m["errors"] for _, _, m in rows) or any(m["calls"] == 0 for _, _, m in rows)):
        sys.exit("some calls did not answer 200")


if __name__ == "__main__":
    main()
