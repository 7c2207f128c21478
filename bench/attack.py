#!/usr/bin/env python3
"""The reference server's answer to a flood of declared bodies, measured from outside.

N connections each send the operation's headers with `Content-Length: 1048576` (the default
limit), one body byte, then nothing. Meanwhile wrk loads the server with the seed request from a
few other connections. Reported: the other clients' p50/p99 and errors, and the server's RSS,
before, during and after the flood (the attackers disconnect before "after").

  python3 bench/attack.py                          # 1000 attackers, the README's run command
  python3 bench/attack.py --attackers 2000 --jvm "-Xmx64m"

Needs wrk (Debian). Loopback only; bounded: the flood lasts --hold seconds (default 20, under
the server's 30 s body timeout, so the attackers are still there when wrk measures).
"""
import argparse, json, os, re, resource, shlex, socket, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the harness's jar, ports, request and RSS reader)

README_JVM = "-Xmx128m -XX:+ExitOnOutOfMemoryError"


def wrk(url, script, seconds):
    run = subprocess.run(["wrk", "-t1", "-c8", f"-d{seconds}s", "--latency", "-s", script, url + bench.PATH],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"wrk failed ({run.returncode}): {run.stderr.strip()} {run.stdout.strip()}")
    out = run.stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)

    def percentile(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {"req/s": requests / seconds, "p50 ms": percentile(50), "p99 ms": percentile(99),
            "errors": (int(errors.group(1)) if errors else 0), "socket errors": socket_errors.group(1) if socket_errors else "none"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attackers", type=int, default=1000)
    parser.add_argument("--jvm", default=README_JVM, help="JVM options of the server (default: the README's)")
    parser.add_argument("--hold", type=int, default=20)
    parser.add_argument("--send-bytes", type=int, default=1, help="body bytes each attacker sends before going silent")
    parser.add_argument("--jar", default=bench.OUR_JAR)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.attackers + 256)), hard))

    work = tempfile.mkdtemp(prefix="csbs-attack-")
    body = json.dumps({"check_restorable": [bench.SEED_ITEM]})
    script = os.path.join(work, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f'wrk.headers["X-Auth-Token"] = "{bench.TOKEN}"\nwrk.body = {json.dumps(body)}\n')
    port = bench.free_port()
    server = bench.Server("ours", ["java", *shlex.split(args.jvm), "-jar", args.jar, "--port", str(port)])
    server.url = f"http://127.0.0.1:{port}"
    server.start(body)
    rows = []
    try:
        wrk(server.url, script, 5)  # warm-up
        rows.append(("before", wrk(server.url, script, 5), bench.rss_mib(server.proc.pid)))
        head = ("POST " + bench.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: " + bench.TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{").encode() \
            + b" " * (args.send_bytes - 1)
        attackers = []
        started = time.monotonic()
        refused = 0
        for _ in range(args.attackers):
            s = socket.create_connection(("127.0.0.1", port))
            try:
                s.sendall(head)
            except OSError:
                refused += 1  # answered (503: the body budget is full) and closed while sending
            attackers.append(s)
        opened = time.monotonic() - started
        # The server takes in the whole flood before it answers the next request; that one-off
        # delay is reported on its own, so wrk's window measures the server while it holds them.
        absorbed = bench.wait_first_answer(server.url, body, started) - opened
        peak = [0.0]
        sampling = threading.Event()

        def sample():
            while not sampling.is_set():
                peak[0] = max(peak[0], bench.rss_mib(server.proc.pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        during = wrk(server.url, script, min(10, max(2, args.hold - int(opened) - 2)))
        sampling.set()
        sampler.join()
        alive = server.proc.poll() is None
        rows.append((f"during ({args.attackers} attackers open)", during, peak[0]))
        for s in attackers:
            s.close()
        time.sleep(1)
        rows.append(("after (attackers gone)", wrk(server.url, script, 5), bench.rss_mib(server.proc.pid)))
    finally:
        server.stop()
    print(f"server: java {args.jvm} -jar {os.path.relpath(args.jar)}; {args.attackers} attackers, {args.send_bytes} body "
          f"bytes each, opened in {opened:.1f} s ({refused} cut off while sending); next request answered "
          f"{absorbed * 1000:.0f} ms after the flood; server alive during the flood: {alive}")
    print("| phase | other clients req/s | p50 | p99 | non-2xx | socket errors | server RSS |")
    print("|---|---:|---:|---:|---:|---|---:|")
    for phase, r, rss in rows:
        print(f"| {phase} | {r['req/s']:,.0f} | {r['p50 ms']:.2f} ms | {r['p99 ms']:.2f} ms | {r['errors']} | "
              f"{r['socket errors']} | {rss:.0f} MiB{' (peak)' if phase.startswith('during') else ''} |")


if __name__ == "__main__":
    main()
