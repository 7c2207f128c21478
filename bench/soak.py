#!/usr/bin/env python3
"""Bounded soak test of the reference server: steady load on loopback, memory watched.

Starts the runnable jar on 127.0.0.1 (free port), loads it with wrk for a fixed time (default
64 connections for 60 s, the seed's request), samples the server's resident memory every few
seconds, and reports requests, errors (must be 0), p99 latency, and memory before, during and
after, with the trend of the samples (MiB per minute, least squares).

  python3 bench/soak.py                    # after ./mvnw install -DskipTests
  python3 bench/soak.py --connections 64 --duration 60
"""
import argparse, json, os, re, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the same server launcher, request and wrk parsing)


def live_heap_mib(pid):
    """Heap still in use after a full GC: what a leak would make grow."""
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    used = sum(int(k) for k in re.findall(r"used (\d+)K", info.split("Metaspace")[0]))
    return used / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--duration", type=int, default=60, help="seconds of load (bounded: at most 600)")
    ap.add_argument("--sample", type=float, default=5.0, help="seconds between memory samples")
    args = ap.parse_args()
    duration = min(args.duration, 600)

    body = json.dumps({"check_restorable": [bench.SEED_ITEM]})
    work = tempfile.mkdtemp(prefix="csbs-soak-")
    script = os.path.join(work, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f'wrk.headers["X-Auth-Token"] = "{bench.TOKEN}"\nwrk.body = {json.dumps(body)}\n')
    server = bench.ours(work, None)
    server.start(body)
    samples = []
    stop = threading.Event()

    def watch():
        started = time.monotonic()
        while not stop.is_set():
            samples.append((time.monotonic() - started, bench.rss_mib(server.proc.pid)))
            stop.wait(args.sample)

    try:
        # A short warm-up first, so that "before" is a server that has loaded and compiled its code.
        subprocess.run(["wrk", "-t1", "-c4", "-d5s", "-s", script, server.url + bench.PATH], capture_output=True, check=True)
        live_before = live_heap_mib(server.proc.pid)
        before = bench.rss_mib(server.proc.pid)
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        out = subprocess.run(["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{duration}s", "--latency",
                              "-s", script, server.url + bench.PATH], capture_output=True, text=True, check=True).stdout
        stop.set()
        watcher.join()
        time.sleep(2)
        live_after = live_heap_mib(server.proc.pid)
        after = bench.rss_mib(server.proc.pid)
        status, text = bench.post(server.url, body)
        assert status == 200, text
    finally:
        server.stop()

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+(\S+)$", out, re.M).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    steady = [s for s in samples if s[0] >= min(10, duration / 3)] or samples
    n = len(steady)
    mean_t = sum(t for t, _ in steady) / n
    mean_m = sum(m for _, m in steady) / n
    var_t = sum((t - mean_t) ** 2 for t, _ in steady)
    slope = (sum((t - mean_t) * (m - mean_m) for t, m in steady) / var_t * 60) if var_t else 0.0

    print(f"### Soak: wrk -t{args.threads} -c{args.connections} -d{duration}s, seed request, loopback\n")
    print("| requests | req/s | errors | p99 | live heap after full GC, before / after | RSS before / peak / after | RSS trend |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {requests:,} | {rps:,.0f} | {errors} | {p99} | {live_before:.1f} / {live_after:.1f} MiB "
          f"| {before:.0f} / {max(m for _, m in samples):.0f} / {after:.0f} MiB | {slope:+.1f} MiB/min |")
    print("\nMemory samples (s, MiB): " + ", ".join(f"{t:.0f}:{m:.0f}" for t, m in samples))
    if errors or live_after > live_before * 1.5 + 5:
        sys.exit(1)


if __name__ == "__main__":
    main()
