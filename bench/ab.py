#!/usr/bin/env python3
"""A/B of two (or more) builds of the reference server, in one run: requests/s and CPU per request.

Throughput on this shared two-core machine swings by 10 % between runs, so a change of a few
percent is invisible in req/s alone. The server's own CPU time (user + system, all threads, from
/proc) per answered request is steadier: that is the figure to compare.

  cp reference-server/target/csbs-reference-server.jar /tmp/before.jar   # then change, rebuild
  python3 bench/ab.py before=/tmp/before.jar after=reference-server/target/csbs-reference-server.jar

Needs Linux (/proc) and wrk. Each jar: started on 127.0.0.1, 10 s warm-up, then 4 interleaved
rounds of wrk -t2 -c32 -d5s with the seed request (or --batch N copies of its item); medians
printed.

  python3 bench/ab.py --batch 100 before=/tmp/before.jar after=reference-server/target/csbs-reference-server.jar

--warm-up S (default 10) and --rounds N (default 4): on a busy machine the JIT is still warming
after 10 s (the rounds fall one after the other); a longer warm-up and more rounds steady them.
"""
import json, os, re, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the harness's servers, ports and request)


def main():
    args = sys.argv[1:]
    items, warm_up, rounds = 1, 10, 4
    while len(args) >= 2 and args[0] in ("--batch", "--warm-up", "--rounds"):
        if args[0] == "--batch":
            items = int(args[1])
        elif args[0] == "--warm-up":
            warm_up = int(args[1])
        else:
            rounds = int(args[1])
        args = args[2:]
    if len(args) < 2 or any("=" not in a for a in args):
        raise SystemExit(__doc__)
    work = tempfile.mkdtemp(prefix="csbs-ab-")
    body = json.dumps({"check_restorable": [bench.SEED_ITEM] * items})
    script = os.path.join(work, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f'wrk.headers["X-Auth-Token"] = "{bench.TOKEN}"\nwrk.body = {json.dumps(body)}\n')
    servers = {}
    for arg in args:
        name, jar = arg.split("=", 1)
        port = bench.free_port()
        server = bench.Server(name, ["java", *bench.OUR_JVM, "-jar", jar, "--port", str(port)])
        server.url = f"http://127.0.0.1:{port}"
        servers[name] = server
    results = {name: [] for name in servers}
    try:
        for server in servers.values():
            server.start(body)
            bench.wrk(server.url, script, warm_up, 2, 32)
        for _ in range(rounds):
            for name, server in servers.items():
                before = bench.cpu_seconds(server.proc.pid)
                out = subprocess.run(["wrk", "-t2", "-c32", "-d5s", "-s", script, server.url + bench.PATH],
                                     capture_output=True, text=True, check=True).stdout
                spent = bench.cpu_seconds(server.proc.pid) - before
                requests = int(re.search(r"(\d+) requests in", out).group(1))
                results[name].append((requests / 5, spent / requests * 1e6))
    finally:
        for server in servers.values():
            server.stop()
    print("| build | req/s (median) | CPU per request (median) | CPU per request, rounds |")
    print("|---|---:|---:|---|")
    for name, rounds in results.items():
        print(f"| {name} | {statistics.median(r[0] for r in rounds):,.0f} | "
              f"{statistics.median(r[1] for r in rounds):.1f} us | {', '.join(f'{r[1]:.1f}' for r in rounds)} |")


if __name__ == "__main__":
    main()
