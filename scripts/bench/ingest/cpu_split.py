#!/usr/bin/env python3
"""Where the CPU goes in the receiver bench's "+2workers" runs, and what niceing the sandbox
changes (docs/deployment.md, "Task 11g").

    flock /tmp/ingest-bench.lock .venv/bin/python scripts/bench/ingest/cpu_split.py

On this 2-core machine every process of a "+2workers" run competes for the same two cores:
wrk, `deskops serve`, two `deskops worker` (nice +10), the sandbox answering the workers'
GETs (the stand-in for the remote helpdesk, whose CPU is not ours in a deployment), and for
pg PostgreSQL backends and Redis. Per run this prints the CPU seconds each spent (from
/proc/<pid>/stat; wrk's from its rusage), the machine's busy CPU seconds beside them (the
rest is other tenants'), and the receiver's req/s against the bare endpoint measured at the
start of the same round. Two sandboxes run side by side, one at nice 0 (today's bench) and
one at nice N (--nice, default 10) or, with --idle, under SCHED_IDLE; per round and
configuration both variants run, in alternating order; the medians of each variant are
printed at the end. The receiver's code is not touched: both variants run the same `deskops
serve`. Configurations without "+2w" (receiver alone, sandbox idle) are an A/A check of the
noise. Findings: docs/deployment.md, "Task 11g".
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import statistics as st
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
PY = sys.executable
DESKOPS = str(Path(PY).with_name("deskops"))
TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str) -> None:
    """Until anything answers (any status): the server is up."""
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"nothing answers at {url}")


def ticks(pid: int) -> int:
    """User + system ticks of a live process (all its threads), 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def tree(pid: int) -> list[int]:
    """The process and its descendants (`deskops serve` and workers may fork)."""
    out = [pid]
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for kid in kids:
        out += tree(int(kid))
    return out


def tree_ticks(pid: int) -> int:
    return sum(ticks(p) for p in tree(pid))


def pids_named(fragment: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if fragment in cmd:
                found.append(int(entry.name))
    return found


def local_ports(pids: list[int]) -> set[int]:
    """Local TCP ports of the sockets these processes hold (to find their PG backends)."""
    inodes: set[str] = set()
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    ports: set[int] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if cols[9] in inodes:
                ports.add(int(cols[1].rsplit(":", 1)[1], 16))
    return ports


def our_backends(client_pids: list[int]) -> list[int]:
    """PostgreSQL backends whose client is one of these processes (cmdline 'host(port)')."""
    ports = local_ports(client_pids)
    mine = []
    for pid in pids_named("postgres: "):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        m = re.search(r"\((\d+)\)", cmd)
        if m and int(m.group(1)) in ports:
            mine.append(pid)
    return mine


def machine_busy() -> tuple[int, int]:
    """Busy ticks of the whole machine (every tenant) so far, all but idle and iowait; and
    of those, the interrupt ticks (loopback networking's softirq is charged to no process)."""
    cols = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return sum(cols[:8]) - cols[3] - cols[4], cols[5] + cols[6]


def run_wrk(opts: list[str], url: str, out: Path,
            env: dict[str, str]) -> tuple[dict[str, float], float]:
    """One wrk run: its JSON figures and the CPU seconds wrk itself spent (rusage)."""
    with out.open("w") as fh:
        proc = subprocess.Popen(["wrk", *opts, "-s", str(HERE / "post.lua"), url], stdout=fh,
                                env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"wrk failed ({proc.returncode})")
    rows = [json.loads(line) for line in out.read_text().splitlines() if line.startswith("{")]
    return rows[-1], usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--duration", type=int, default=8, help="wrk seconds per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--nice", type=int, default=10, help="the niced sandbox's nice value")
    parser.add_argument("--idle", action="store_true",
                        help="the second sandbox under SCHED_IDLE instead of nice N")
    parser.add_argument("--configs", default="sqlite+2w pg+2w",
                        help="names ending in +2w run two `deskops worker` beside the receiver")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="deskops-cpusplit."))
    threads = 2
    env = dict(os.environ, DESKOPS_WEBHOOK_SECRETS_FILE=str(work / "secrets.json"),
               DESKOPS_BENCH_DATA=str(work / "deliveries.tsv"),
               DESKOPS_BENCH_THREADS=str(threads), DESKOPS_TARGET="zendesk")
    env.pop("PYTHONPATH", None)
    from integrations import sandbox as sb

    env.update(ZENDESK_SUBDOMAIN=sb.SUBDOMAIN, ZENDESK_EMAIL=sb.ADMIN_EMAIL,
               ZENDESK_API_TOKEN=sb.API_TOKEN)
    wrk_opts = [f"-t{threads}", f"-c{args.connections}", f"-d{args.duration}s",
                "--timeout", "10s"]
    procs: list[subprocess.Popen[bytes]] = []

    def start(cmd: list[str], with_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        p = subprocess.Popen(cmd, env=with_env or env, cwd=work,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(p)
        return p

    def stop(p: subprocess.Popen[bytes]) -> None:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    # The second variant: nice N, or with --idle SCHED_IDLE (CPU only when no other task
    # wants it; the strongest "not our CPU" the scheduler offers on one machine).
    prefix = {"nice0": ["nice", "-n", "0"]}
    if args.idle:
        prefix["idle"] = ["chrt", "--idle", "0"]
    else:
        prefix[f"nice{args.nice}"] = ["nice", "-n", str(args.nice)]
    variants = list(prefix)
    sandbox: dict[str, tuple[subprocess.Popen[bytes], str]] = {}
    pg_url = os.environ.get("DESKOPS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    redis_url = os.environ.get("DESKOPS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    driver = [PY, str(HERE / "driver.py")]
    schemas: list[str] = []
    rows: list[dict[str, object]] = []
    try:
        for name in variants:
            ready = work / f"sandbox-{name}.json"
            # `nice` and `chrt` exec the sandbox: the pid is the sandbox's own.
            p = start([*prefix[name], *driver, "sandbox", "--ready", str(ready)])
            for _ in range(300):
                if ready.exists() and ready.stat().st_size:
                    break
                time.sleep(0.1)
            sandbox[name] = (p, json.loads(ready.read_text())["zendesk_url"])
        hello_port = free_port()
        hello = start([*driver, "hello", "--port", str(hello_port), "--processes", "1"])
        wait_http(f"http://127.0.0.1:{hello_port}/")
        redis_pids = pids_named("redis-server")
        for cfg in args.configs.split():
            servers: dict[str, tuple[subprocess.Popen[bytes], int, dict[str, str]]] = {}
            for name in variants:
                tag = f"cpusplit{os.getpid()}_{cfg.replace('+', '_')}_{name}"
                venv = dict(env, DESKOPS_SANDBOX_ZENDESK_URL=sandbox[name][1],
                            DESKOPS_QUEUE_NAME=tag)
                if cfg.startswith("pg"):
                    subprocess.run([*driver, "pgschema", "drop", "--url", pg_url, "--schema", tag],
                                   check=False, env=env)
                    subprocess.run([*driver, "pgschema", "create", "--url", pg_url,
                                    "--schema", tag], check=True, env=env)
                    schemas.append(tag)
                    sep = "&" if "?" in pg_url else "?"
                    venv.update(DESKOPS_DATABASE_URL=f"{pg_url}{sep}options=-csearch_path%3D{tag}",
                                DESKOPS_QUEUE_URL=redis_url)
                else:
                    venv.update(DESKOPS_DATABASE_URL=f"sqlite:///{work}/events-{tag}.db",
                                DESKOPS_QUEUE_URL=f"sqlite:///{work}/queue-{tag}.db")
                port = free_port()
                srv = start([DESKOPS, "serve", "--port", str(port)], venv)
                wait_http(f"http://127.0.0.1:{port}/healthz")
                servers[name] = (srv, port, venv)
            for rnd in range(1, args.rounds + 1):
                subprocess.run([*driver, "sign", "--out", env["DESKOPS_BENCH_DATA"], "--secrets",
                                env["DESKOPS_WEBHOOK_SECRETS_FILE"], "--count", "40000",
                                "--round", str(rnd)], check=True, env=env)
                load = Path("/proc/loadavg").read_text().split()[0]
                h0, m0 = ticks(hello.pid), machine_busy()
                bare, wrk_s = run_wrk(wrk_opts, f"http://127.0.0.1:{hello_port}/webhooks/zendesk",
                                      work / "bare.txt", env)
                rows.append({"cfg": cfg, "round": rnd, "variant": "bare", "load": float(load),
                             "rps": bare["rps"], "p99": bare["p99_ms"],
                             "cpu": {"server": (ticks(hello.pid) - h0) / TCK, "wrk": wrk_s},
                             "machine": (machine_busy()[0] - m0[0]) / TCK})
                order = list(variants) if rnd % 2 else list(reversed(variants))
                for name in order:
                    srv, port, venv = servers[name]
                    count = 2 if cfg.endswith("+2w") else 0
                    workers = [start([DESKOPS, "worker"], venv) for _ in range(count)]
                    time.sleep(1)  # connected and idle before the clock starts
                    watched = {"receiver": srv.pid, "sandbox": sandbox[name][0].pid}
                    watched.update({f"worker{n}": w.pid for n, w in enumerate(workers, 1)})
                    clients = [p for pid in watched.values() if pid != watched["sandbox"]
                               for p in tree(pid)]
                    backends: list[int] = []
                    if cfg.startswith("pg"):
                        backends = our_backends(clients)
                    before = {k: tree_ticks(p) for k, p in watched.items()}
                    pg_before = {p: ticks(p) for p in backends}
                    all_pg_before = {p: ticks(p) for p in pids_named("postgres")}
                    redis_before = sum(ticks(p) for p in redis_pids)
                    load = Path("/proc/loadavg").read_text().split()[0]
                    m0 = machine_busy()
                    res, wrk_s = run_wrk(wrk_opts, f"http://127.0.0.1:{port}/webhooks/zendesk",
                                         work / "run.txt", env)
                    m1 = machine_busy()
                    machine, irq = (m1[0] - m0[0]) / TCK, (m1[1] - m0[1]) / TCK
                    cpu = {k: (tree_ticks(p) - before[k]) / TCK for k, p in watched.items()}
                    cpu["wrk"] = wrk_s
                    if cfg.startswith("pg"):
                        # backends opened during the run count from zero
                        late = our_backends(clients)
                        cpu["pg backends"] = sum(ticks(p) - pg_before.get(p, 0)
                                                 for p in set(backends) | set(late)) / TCK
                        cpu["postgres all"] = sum(ticks(p) - all_pg_before.get(p, 0)
                                                  for p in pids_named("postgres")) / TCK
                        cpu["redis"] = (sum(ticks(p) for p in redis_pids) - redis_before) / TCK
                    for w in workers:
                        stop(w)
                    rows.append({"cfg": cfg, "round": rnd, "variant": name, "load": float(load),
                                 "rps": res["rps"], "p99": res["p99_ms"],
                                 "bad": res["non_2xx"] + res["socket_errors"],
                                 "ratio": res["rps"] / bare["rps"],
                                 "p99x": res["p99_ms"] / max(bare["p99_ms"], 1e-9),
                                 "cpu": cpu, "machine": machine, "irq": irq,
                                 "ms_per_req": cpu["receiver"] * 1000 / max(1, res["requests"])})
                    r = rows[-1]
                    print(f"{cfg} r{rnd} {name:<7} load {load} req/s {res['rps']:.0f} "
                          f"(bare {bare['rps']:.0f}) x{r['ratio']:.2f} p99 x{r['p99x']:.1f} "
                          + " ".join(f"{k}={v:.2f}" for k, v in cpu.items())
                          + f" irq={irq:.2f} machine={machine:.2f}", file=sys.stderr, flush=True)
            for srv, _, _ in servers.values():
                stop(srv)
    finally:
        for p in reversed(procs):
            stop(p)
        for tag in schemas:
            subprocess.run([*driver, "pgschema", "drop", "--url", pg_url, "--schema", tag],
                           check=False, env=env)
    for leftover in work.iterdir():  # stores and deliveries: hundreds of MB per run
        if leftover.is_file():
            leftover.unlink()
    (work / "rows.json").write_text(json.dumps(rows))
    print(f"per-run rows: {work / 'rows.json'}", file=sys.stderr)
    report(rows, args)


def report(rows: list[dict[str, object]], args: argparse.Namespace) -> None:
    """Medians per configuration and variant: CPU seconds per process over a wrk run."""
    print(f"\nCPU split of the ack runs (wrk -t2 -c{args.connections} "
          f"-d{args.duration}s, {args.rounds} rounds, variants alternated; CPU seconds over "
          f"the {args.duration} s run, {os.cpu_count()} cores = "
          f"{os.cpu_count() * args.duration} CPU-s available; medians; 'others' = machine busy "
          "minus the processes listed; load = 1-min load average at the run's start)")
    groups: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for r in rows:
        groups[str(r["cfg"]), str(r["variant"])].append(r)
    for (cfg, variant), rs in groups.items():
        cpus: dict[str, list[float]] = defaultdict(list)
        others = []
        for r in rs:
            cpu = r["cpu"]
            assert isinstance(cpu, dict)
            for k, v in cpu.items():
                cpus[k].append(v)
            listed = sum(v for k, v in cpu.items() if k != "postgres all")
            listed += float(r.get("irq", 0))  # type: ignore[arg-type]
            others.append(float(r["machine"]) - listed)  # type: ignore[arg-type]
        head = f"{cfg:<10}{variant:<8}"
        if variant == "bare":
            print(head + f"req/s {st.median(float(r['rps']) for r in rs):>6.0f}"  # type: ignore[arg-type]
                  + "".join(f"  {k} {st.median(v):.2f}" for k, v in cpus.items())
                  + f"  machine {st.median(float(r['machine']) for r in rs):.2f}"  # type: ignore[arg-type]
                  + f"  load {', '.join(str(r['load']) for r in rs)}")
            continue
        print(head + f"req/s {st.median(float(r['rps']) for r in rs):>6.0f}"  # type: ignore[arg-type]
              + f"  x{st.median(float(r['ratio']) for r in rs):.2f}"  # type: ignore[arg-type]
              + " (rounds " + " ".join(f"{float(r['ratio']):.2f}" for r in rs) + ")"  # type: ignore[arg-type]
              + f"  p99 x{st.median(float(r['p99x']) for r in rs):.1f}"  # type: ignore[arg-type]
              + f"  receiver {st.median(float(r['ms_per_req']) for r in rs):.3f} ms/req"  # type: ignore[arg-type]
              + f"  load {', '.join(str(r['load']) for r in rs)}")
        print(" " * 18 + "CPU-s: "
              + "  ".join(f"{k} {st.median(v):.2f}" for k, v in cpus.items())
              + f"  irq {st.median(float(r['irq']) for r in rs):.2f}"  # type: ignore[arg-type]
              + f"  others {st.median(others):.2f}"
              + f"  machine {st.median(float(r['machine']) for r in rs):.2f}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
