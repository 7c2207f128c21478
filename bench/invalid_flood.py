#!/usr/bin/env python3
"""Other clients' latency while a few clients send megabyte bodies that are all invalid.

Each attacker sends, again and again on its own connection, 100 check_restorable items with 290
volumes each whose IDs are not UUIDs (1 MB, about 24,000 violations once the lists are cut to
their limits + 1). Meanwhile wrk measures the seed request from 8 other connections. For each
jar given (an A/B in one run): other clients' req/s, p50 and p99 before and during, and how the
attackers were answered (400, or 503 when the server sheds them).

  python3 bench/invalid_flood.py before=/tmp/old.jar after=reference-server/target/csbs-reference-server.jar
  python3 bench/invalid_flood.py --attackers 4 --seconds 10 after=reference-server/target/csbs-reference-server.jar

Needs wrk (Debian). Loopback only, bounded by --seconds.
"""
import argparse, collections, json, os, socket, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402  (the harness's servers, ports and request)
from attack import wrk, README_JVM  # noqa: E402

VOLUME = {"backup_id": "x", "volume_id": "y"}


def invalid_body():
    item = {"checkpoint_item_id": "8986ce68-3da7-4d29-9cc2-1921e9504975",
            "target": {"resource_type": "OS::Nova::Server", "resource_id": "5aa119a8-d25b-45a7-8d1b-88e127885635",
                       "volumes": [VOLUME] * 290}}
    return json.dumps({"check_restorable": [item] * 100}, separators=(",", ":")).encode()


def attacker(port, request, until, answers):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(30)
    try:
        while time.monotonic() < until:
            s.sendall(request)
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = s.recv(65536)
                if not chunk:
                    return
                head += chunk
            status = head[9:12].decode()
            length = int(head.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0]) if b"content-length:" in head else 0
            body = head.split(b"\r\n\r\n", 1)[1]
            while len(body) < length:
                body += s.recv(65536)
            answers[status] += 1
            if status == "503":
                time.sleep(1)  # Retry-After
                s.close()
                s = socket.create_connection(("127.0.0.1", port))
                s.settimeout(30)
    finally:
        s.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attackers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--jvm", default=README_JVM)
    parser.add_argument("jars", nargs="+", help="name=path of each server jar")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="csbs-invalid-")
    seed = json.dumps({"check_restorable": [bench.SEED_ITEM]})
    script = os.path.join(work, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f'wrk.headers["X-Auth-Token"] = "{bench.TOKEN}"\nwrk.body = {json.dumps(seed)}\n')
    body = invalid_body()
    request = (f"POST {bench.PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: {bench.TOKEN}\r\n"
               f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    print(f"{args.attackers} attackers, {len(body):,} bytes per body, {args.seconds} s; JVM {args.jvm}")
    print("| build | others before: req/s, p50, p99 | others during: req/s, p50, p99 | attackers answered |")
    print("|---|---:|---:|---|")
    for name, jar in (a.split("=", 1) for a in args.jars):
        port = bench.free_port()
        server = bench.Server(name, ["java", *args.jvm.split(), "-jar", jar, "--port", str(port)])
        server.url = f"http://127.0.0.1:{port}"
        server.start(seed)
        try:
            wrk(server.url, script, 5)  # warm-up
            before = wrk(server.url, script, args.seconds)
            answers = collections.Counter()
            until = time.monotonic() + args.seconds + 1
            threads = [threading.Thread(target=attacker, args=(port, request, until, answers)) for _ in range(args.attackers)]
            for t in threads:
                t.start()
            time.sleep(0.5)
            during = wrk(server.url, script, args.seconds)
            for t in threads:
                t.join()
            alive = server.proc.poll() is None
        finally:
            server.stop()
        print(f"| {name} | {before['req/s']:,.0f}, {before['p50 ms']:.2f} ms, {before['p99 ms']:.2f} ms | "
              f"{during['req/s']:,.0f}, {during['p50 ms']:.2f} ms, {during['p99 ms']:.2f} ms | "
              f"{', '.join(f'{n} x {s}' for s, n in sorted(answers.items()))}{'' if alive else ', SERVER DIED'} |")


if __name__ == "__main__":
    main()
