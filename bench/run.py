#!/usr/bin/env python3
"""Side-by-side load benchmark of the reference server, WireMock, Prism and nginx.

Every server answers the same request (the spec's seed example, or a batch of N copies of its
item) on 127.0.0.1; wrk loads each in turn with the same settings, rounds interleaved so that
machine noise falls on all alike. Prints a Markdown report; medians over rounds, ranges beside.

  python3 bench/run.py                      # build, then all four servers
  python3 bench/run.py --servers ours,wiremock --rounds 3 --duration 5 --warmup 10
  python3 bench/run.py --batch 100          # a 100-item check_restorable
  python3 bench/run.py --catalog-size 100000 --servers ours
  python3 bench/run.py --servers ours,jersey,quarkus   # the same service on JAX-RS runtimes (examples/)
"""
import argparse, json, os, re, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = "0605767ab000d4c12f3bc0033d9d5d06"
PATH = f"/v1/{PROJECT}/providers/fc4d5750-22e7-4798-8a46-f48f62c4c1da/resources/action"
TOKEN = "demo-token-project-a"
SEED_ITEM = {"checkpoint_item_id": "8986ce68-3da7-4d29-9cc2-1921e9504975",
             "target": {"resource_type": "OS::Nova::Server", "resource_id": "5aa119a8-d25b-45a7-8d1b-88e127885635",
                        "volumes": [{"backup_id": "7ea119a8-d25b-43a7-8d1b-88e12788513a",
                                     "volume_id": "45baf976-c20a-4894-a7c3-c94b7376bf55"}]}}
SEED_RESULT = {"resource_id": "6507cb66-90dc-4a12-a573-c9f3398f899d", "resource_type": "OS::Nova::Server",
               "result": True, "error_code": "", "error_msg": ""}
WIREMOCK_JAR = os.path.expanduser("~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar")
OUR_JAR = os.path.join(ROOT, "reference-server/target/csbs-reference-server.jar")
OUR_JVM = ["-XX:+UseParallelGC", "-Xmx128m"] + os.environ.get("OUR_JVM_EXTRA", "").split()
JERSEY_JAR = os.path.join(ROOT, "examples/jersey/target/csbs-example-jersey.jar")
QUARKUS_JAR = os.path.join(ROOT, "examples/quarkus/target/quarkus-app/quarkus-run.jar")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url, body, timeout=2):
    req = urllib.request.Request(url + PATH, data=body.encode(), method="POST",
                                 headers={"Content-Type": "application/json", "X-Auth-Token": TOKEN})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read().decode()


def wait_first_answer(url, body, started, limit=60):
    while time.monotonic() - started < limit:
        try:
            status, _ = post(url, body, timeout=1)
            if status == 200:
                return time.monotonic() - started
        except Exception:
            time.sleep(0.02)
    raise SystemExit(f"{url} gave no 200 within {limit} s")


def cpu_seconds(pid):
    """User + system CPU of a process, all its threads (its children, such as nginx's workers, not)."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Server:
    def __init__(self, name, command, cwd=None, env=None):
        self.name, self.command, self.cwd, self.env = name, command, cwd, env
        self.proc = None

    def start(self, body):
        started = time.monotonic()
        self.proc = subprocess.Popen(self.command, cwd=self.cwd, env=self.env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        self.first_answer_s = wait_first_answer(self.url, body, started)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def ours(work, catalog):
    port = free_port()
    cmd = ["java", *OUR_JVM, "-jar", OUR_JAR, "--port", str(port)]
    if catalog:
        cmd += ["--catalog", catalog]
    s = Server("reference server", cmd)
    s.url = f"http://127.0.0.1:{port}"
    return s


def jersey(work):
    """The Jersey example: CapabilityResource and CsbsFeature on Grizzly, same JVM flags as ours."""
    port = free_port()
    s = Server("Jersey 4.0.2 (Grizzly)", ["java", *OUR_JVM, "-jar", JERSEY_JAR, "--port", str(port)])
    s.url = f"http://127.0.0.1:{port}"
    return s


def quarkus(work):
    """The Quarkus example: the same classes on Quarkus REST, on the event loop; same JVM flags."""
    port = free_port()
    s = Server("Quarkus REST 3.33.2", ["java", *OUR_JVM, f"-Dquarkus.http.port={port}", "-jar", QUARKUS_JAR])
    s.url = f"http://127.0.0.1:{port}"
    return s


def wiremock(work, answer):
    port = free_port()
    root = os.path.join(work, "wiremock")
    os.makedirs(os.path.join(root, "mappings"), exist_ok=True)
    with open(os.path.join(root, "mappings", "seed.json"), "w") as f:
        json.dump({"request": {"method": "POST", "urlPath": PATH},
                   "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": answer}}, f)
    s = Server("WireMock 3.13.2", ["java", "-jar", WIREMOCK_JAR, "--port", str(port), "--bind-address", "127.0.0.1",
                                   "--root-dir", root, "--disable-banner"])
    s.url = f"http://127.0.0.1:{port}"
    return s


def prism(work, answer):
    port = free_port()
    prism_bin = os.path.join(ROOT, "bench/node_modules/.bin/prism")
    s = Server("Prism", [prism_bin, "mock", "-h", "127.0.0.1", "-p", str(port), "--verboseLevel", "error",
                         os.path.join(ROOT, "spec/src/main/resources/openapi.yaml")])
    s.url = f"http://127.0.0.1:{port}"
    return s


def nginx(work, answer):
    port = free_port()
    root = os.path.join(work, "nginx")
    os.makedirs(os.path.join(root, "logs"), exist_ok=True)
    conf = os.path.join(root, "nginx.conf")
    escaped = answer.replace("\\", "\\\\").replace("'", "\\'")
    with open(conf, "w") as f:
        f.write(f"""daemon off; worker_processes auto; pid {root}/nginx.pid; error_log {root}/logs/error.log error;
events {{ worker_connections 1024; }}
http {{ access_log off; client_body_temp_path {root}; proxy_temp_path {root}; fastcgi_temp_path {root};
  uwsgi_temp_path {root}; scgi_temp_path {root};
  server {{ listen 127.0.0.1:{port}; location / {{ default_type application/json; return 200 '{escaped}'; }} }} }}
""")
    s = Server("nginx (fixed body)", ["nginx", "-p", root, "-c", conf])
    s.url = f"http://127.0.0.1:{port}"
    return s


def wrk(url, script, duration, threads, connections):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "-s", script,
                          url + PATH], capture_output=True, text=True, check=True).stdout
    def latency(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    return {"rps": rps, "p50": latency(50), "p99": latency(99), "errors": errors, "requests": requests}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--servers", default="ours,wiremock,prism,nginx")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=15)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--batch", type=int, default=1, help="items per check_restorable request")
    ap.add_argument("--catalog-size", type=int, default=0, help="extra servers and backups in our catalog")
    ap.add_argument("--skip-build", action="store_true")
    args = ap.parse_args()

    names = args.servers.split(",")
    if not args.skip_build:
        subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "install", "-DskipTests"], cwd=ROOT, check=True)
        for example in [n for n in ("jersey", "quarkus") if n in names]:
            # Outside the reactor, from the artifacts just installed, as their users build them.
            subprocess.run([os.path.join(ROOT, "mvnw"), "-q", "-B", "-f", os.path.join(ROOT, "examples", example, "pom.xml"),
                            "package", "-DskipTests"], cwd=ROOT, check=True)
    if "prism" in names and not os.path.exists(os.path.join(ROOT, "bench/node_modules/.bin/prism")):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=os.path.join(ROOT, "bench"), check=True)
    missing = [t for t in ["wrk"] + (["nginx"] if "nginx" in names else []) if not shutil.which(t)]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk", "nginx-light"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    elif missing:
        raise SystemExit(f"{', '.join(missing)} missing: apt-get install wrk nginx-light")

    body = json.dumps({"check_restorable": [SEED_ITEM] * args.batch})
    answer = json.dumps({"restorable": [SEED_RESULT] * args.batch})
    work = tempfile.mkdtemp(prefix="csbs-bench-")
    catalog = make_catalog(work, args.catalog_size) if args.catalog_size else None
    script = os.path.join(work, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f'wrk.headers["X-Auth-Token"] = "{TOKEN}"\nwrk.body = {json.dumps(body)}\n')
    factories = {"ours": lambda: ours(work, catalog), "wiremock": lambda: wiremock(work, answer),
                 "prism": lambda: prism(work, answer), "nginx": lambda: nginx(work, answer),
                 "jersey": lambda: jersey(work), "quarkus": lambda: quarkus(work)}
    servers = {n: factories[n]() for n in names}
    results = {n: [] for n in names}
    try:
        for n, s in servers.items():
            s.start(body)
            status, text = post(s.url, body)
            check = json.loads(text)
            assert status == 200 and len(check.get("restorable", [])) == args.batch, f"{n} answered {text[:200]}"
            print(f"# {s.name}: first answer {s.first_answer_s:.2f} s after start; warming up {args.warmup} s", file=sys.stderr)
            wrk(s.url, script, args.warmup, args.threads, args.connections)
        for r in range(args.rounds):
            for n, s in servers.items():
                cpu_before = cpu_seconds(s.proc.pid)
                results[n].append(wrk(s.url, script, args.duration, args.threads, args.connections))
                # The server's own CPU per answered request: steadier than req/s when the machine is shared.
                results[n][-1]["cpu_us"] = (cpu_seconds(s.proc.pid) - cpu_before) / max(1, results[n][-1]["requests"]) * 1e6
                print(f"# round {r + 1} {n}: {results[n][-1]}", file=sys.stderr)
        rss = {n: rss_mib(s.proc.pid) for n, s in servers.items()}
    finally:
        for s in servers.values():
            s.stop()
        shutil.rmtree(work, ignore_errors=True)
    report(args, servers, results, rss)


def make_catalog(work, size):
    with open(os.path.join(ROOT, "reference-server/src/main/resources/io/github/csbscontract/server/demo-catalog.json")) as f:
        catalog = json.load(f)
    import uuid
    for i in range(size):
        sid, vid, bid, vbid = (str(uuid.UUID(int=(i << 8) | k, version=4)) for k in range(4))
        catalog["servers"].append({"id": sid, "project_id": PROJECT, "name": f"bulk-{i}", "status": "ACTIVE",
                                   "type": "OS::Nova::Server", "availability_zone": "eu-de-01",
                                   "volumes": [{"id": vid, "size_gb": 100, "bootable": True, "shareable": False}]})
        catalog["backups"].append({"id": bid, "project_id": PROJECT, "name": f"bulk-{i}", "status": "available",
                                   "resource_id": sid, "resource_type": "OS::Nova::Server", "availability_zone": "eu-de-01",
                                   "supported_restore_mode": "backup",
                                   "volume_backups": [{"id": vbid, "source_volume_id": vid, "size_gb": 40, "bootable": True}]})
    path = os.path.join(work, "catalog.json")
    with open(path, "w") as f:
        json.dump(catalog, f)
    return path


def report(args, servers, results, rss):
    def med(n, k):
        return statistics.median(r[k] for r in results[n])

    def rng(n, k, fmt):
        values = [r[k] for r in results[n]]
        return f"{fmt.format(min(values))}-{fmt.format(max(values))}"

    print(f"\n### {args.batch}-item check_restorable, wrk -t{args.threads} -c{args.connections}, "
          f"{args.rounds} x {args.duration} s interleaved after {args.warmup} s warm-up"
          + (f", catalog +{args.catalog_size} servers and backups" if args.catalog_size else "") + "\n")
    print("| server | req/s (median) | range | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    for n, s in servers.items():
        errors = sum(r["errors"] for r in results[n])
        print(f"| {s.name} | {med(n, 'rps'):,.0f} | {rng(n, 'rps', '{:,.0f}')} | {med(n, 'p50'):.2f} | {med(n, 'p99'):.2f} | {errors} |")
    print("\n| server | CPU per request (median; process only) | first answer after start | resident memory after load |")
    print("|---|---:|---:|---:|")
    for n, s in servers.items():
        print(f"| {s.name} | {med(n, 'cpu_us'):.1f} us | {s.first_answer_s:.2f} s | {rss[n]:.0f} MiB |")
    if "ours" in servers:
        print(f"\nReference server: first answer {servers['ours'].first_answer_s:.2f} s after start; "
              f"resident memory after load {rss['ours']:.0f} MiB.")
        for n in servers:
            if n != "ours":
                print(f"- reference server / {servers[n].name}: {med('ours', 'rps') / med(n, 'rps'):.2f}x")


if __name__ == "__main__":
    main()
