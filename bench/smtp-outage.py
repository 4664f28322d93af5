#!/usr/bin/env python3
"""The SMTP server is down for a long while: every mail goes out once it is back, each once.

Starts the packaged jar on a fresh H2 database with the demo data, its mail pointed at a port where
nothing listens yet. Submits N cases (each sends the submitter a "case received" mail), keeps the SMTP
server down for D minutes while the mail jobs fail and wait on caseops.mail.retry-cycle, then starts an
SMTP sink there and waits until the outbox is empty (the gauge caseops_mail_outbox_unsent at
/actuator/prometheus). Prints mails expected, received, received twice, still failed, and how long
after the server came back the last one went out. Appends the table to bench/results/<date>.md.

    python3 bench/smtp-outage.py                       # 200 cases, 10 minutes down, the configured cycle
    python3 bench/smtp-outage.py --cases 5 --down-seconds 5 --retry-cycle PT3S,PT3S,PT3S --check --no-record  # CI
"""
import os, re, shutil, sys, tempfile, threading, time, uuid

from benchlib import (arguments, SEV2_SUBMISSION, SmtpSink, basic, call, free_port, heading, in_parallel, machine,
                      record, require_jar, start)


def gauge(port, name):
    status, body = call(port, "GET", "/actuator/prometheus", basic("demo", "demo"))
    match = re.search(rf"^{name}(?:{{[^}}]*}})? ([0-9.eE+-]+)$", body.decode(), re.M)
    if status != 200 or not match:
        sys.exit(f"no gauge {name} at /actuator/prometheus ({status})")
    return float(match.group(1))


def main():
    parser = arguments(__doc__, cases=200, clients=4)
    parser.add_argument("--down-seconds", type=float, default=600)
    parser.add_argument("--retry-cycle", default=None, help="caseops.mail.retry-cycle (default: as configured)")
    args = parser.parse_args()
    require_jar(args.jar)

    work = tempfile.mkdtemp(prefix="caseops-smtp-outage-")
    port, smtp_port = free_port(), free_port()
    options = [f"--caseops.data-dir={work}", "--spring.profiles.active=demo", "--caseops.demo.cases=false",
               "--caseops.mail.sink.enabled=false", "--spring.mail.host=127.0.0.1", f"--spring.mail.port={smtp_port}"]
    if args.retry_cycle:
        options.append(f"--caseops.mail.retry-cycle={args.retry_cycle}")
    log = open(os.path.join(work, "service.log"), "w")
    service = start(args.jar, port, options, log)
    sink = None
    try:
        auth = basic("ivy.patel@initech.example", "ivy.patel")
        remaining, lock, refused = [args.cases], threading.Lock(), []

        def client():
            while True:
                with lock:
                    if remaining[0] == 0:
                        return
                    remaining[0] -= 1
                status, body = call(port, "POST", "/api/cases", auth, SEV2_SUBMISSION,
                                    {"Idempotency-Key": str(uuid.uuid4())})
                if status != 201:
                    refused.append(f"{status} {body[:200]}")

        in_parallel(client, args.clients)
        if refused:
            sys.exit(f"submissions refused: {refused[:3]}")
        went_down = time.time()
        time.sleep(args.down_seconds)
        waiting_at_return = gauge(port, "caseops_mail_outbox_unsent")
        sink = SmtpSink(smtp_port)
        came_back = time.time()
        deadline = came_back + 3 * 3600
        while time.time() < deadline and gauge(port, "caseops_mail_outbox_unsent") > 0:
            time.sleep(1)
        drained = time.time() - came_back
        failed = gauge(port, "caseops_mail_failed")
        copies = sink.received()
    finally:
        service.terminate()
        service.wait(60)
        log.close()
        if sink:
            sink.stop()

    message_ids = {m for m, _ in copies}
    doubled = len(copies) - len(set(copies))
    rows = [("cases submitted (one mail each)", str(args.cases)),
            ("SMTP server down", f"{args.down_seconds / 60:.1f} min"),
            ("retry cycle", args.retry_cycle or "as configured (PT1M,PT5M,PT15M,PT1H,PT4H,PT12H)"),
            ("mails waiting when it came back", f"{waiting_at_return:.0f}"),
            ("mails received (distinct Message-IDs)", str(len(message_ids))),
            ("received twice", str(doubled)),
            ("out of retries (incidents)", f"{failed:.0f}"),
            ("from the server's return to the last mail", f"{drained:.0f} s"),
            ("whole run", f"{(time.time() - went_down) / 60:.1f} min after the last submission")]
    lines = [heading("smtp-outage", args.label), "", machine("H2 (demo data)"), "",
             "| figure | value |", "|---|---|"] + [f"| {name} | {value} |" for name, value in rows]
    record("\n".join(lines) + "\n", args.no_record)
    shutil.rmtree(work, ignore_errors=True)
    if args.check and (len(message_ids) != args.cases or doubled or failed):
        sys.exit("smtp-outage check failed: a mail is missing, doubled or out of retries")


if __name__ == "__main__":
    main()
