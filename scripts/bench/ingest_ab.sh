#!/usr/bin/env bash
# Interleaved A/B of the webhook receiver: two versions of deskops's code, measured in turns
# on the same machine load (this machine's noise is larger than most changes).
#
#   bash scripts/bench/ingest_ab.sh A_DIR [B_DIR]
#
# A_DIR and B_DIR each hold an `integrations/` package (a worktree, or `git archive main
# integrations | tar -x -C DIR`); B_DIR defaults to this checkout. Each is put first on
# PYTHONPATH of its own `deskops serve` (and workers); everything else (venv, wrk options,
# signed deliveries, bare endpoint) is shared with scripts/bench/ingest.sh.
# Per configuration both receivers run on stores of their own; per round: fresh deliveries,
# the bare endpoint, then A and B (B first in even rounds). "+2w" configurations start two
# `deskops worker` processes for each run and stop them after it. Prints each run (req/s,
# p50, p99, non-2xx, server CPU ms per request, the server threads' run-queue wait in ms per
# request (runnable, waiting for a CPU: what other processes on the cores cost it), and the
# writer's events per batch and mean `add_many` ms over the run, from its /metrics), then
# per configuration the medians, the ratios against that round's bare endpoint and B/A.
#
# Knobs: BENCH_DURATION (wrk seconds, default 8), BENCH_ROUNDS (4), BENCH_CONFIGS
# ("sqlite sqlite+2w pg pg+2w"; pg needs PostgreSQL and Redis, see ingest.sh).
# Serialise with other receiver benchmarks: flock /tmp/ingest-bench.lock bash ...
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/bench/ingest"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DESKOPS="$(dirname "$PY")/deskops"
A_PATH="$(cd "${1:?usage: ingest_ab.sh A_DIR [B_DIR]}" && pwd)"
B_PATH="$(cd "${2:-$ROOT}" && pwd)"
DURATION="${BENCH_DURATION:-8}"
ROUNDS="${BENCH_ROUNDS:-4}"
CONFIGS="${BENCH_CONFIGS:-sqlite sqlite+2w pg pg+2w}"
THREADS=2
for dir in "$A_PATH" "$B_PATH"; do
    [ -d "$dir/integrations" ] || { echo "no integrations/ in $dir" >&2; exit 2; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/deskops-ab.XXXXXX")"
OUT="$WORK/runs.tsv"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_http() {
    for _ in $(seq 1 200); do
        "$PY" -c 'import sys,urllib.request,urllib.error
try: urllib.request.urlopen(sys.argv[1], timeout=1)
except urllib.error.HTTPError: pass
except OSError: sys.exit(1)' "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing answers at $1" >&2
    return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# PID: nanoseconds its threads have spent runnable but waiting for a CPU (the scheduler's
# run-queue wait, /proc/PID/task/*/schedstat; threads gone since are not counted).
rq_wait() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s += $2} END {printf "%d", s}'; }
writer_totals() {  # PORT: "batches events commit_seconds" so far, from the receiver's /metrics
    "$PY" - "$1" <<'PYEOF'
import sys, urllib.request
text = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/metrics", timeout=10).read()
got = {}
for line in text.decode().splitlines():
    name, _, value = line.partition(" ")
    if name in ("deskops_webhook_batch_size_count", "deskops_webhook_batch_size_sum",
                "deskops_webhook_commit_seconds_sum"):
        got[name] = float(value)
print(got.get("deskops_webhook_batch_size_count", 0), got.get("deskops_webhook_batch_size_sum", 0),
      got.get("deskops_webhook_commit_seconds_sum", 0))
PYEOF
}
row() {  # CONFIG ROUND VARIANT TICKS WAIT_NS WRK_OUTPUT [WRITER_BEFORE WRITER_AFTER]: a runs.tsv line
    "$PY" - "$@" <<'PYEOF'
import json, os, sys
cfg, r, v, ticks, wait_ns, path = sys.argv[1:7]
d = [json.loads(line) for line in open(path) if line.startswith("{")][-1]
cpu = int(ticks) * 1000 / os.sysconf("SC_CLK_TCK") / max(1, d["requests"])
wait = int(wait_ns) / 1e6 / max(1, d["requests"])
bad = d["non_2xx"] + d["socket_errors"]
batch = commit = "-"
if len(sys.argv) > 8:
    before, after = ([float(x) for x in arg.split()] for arg in sys.argv[7:9])
    batches, events, seconds = (a - b for a, b in zip(after, before))
    if batches:
        batch, commit = f"{events / batches:.1f}", f"{seconds * 1000 / batches:.2f}"
print("\t".join([cfg, r, v, f"{d['rps']:.0f}", f"{d['p50_ms']:.2f}", f"{d['p99_ms']:.2f}",
                 str(bad), f"{cpu:.3f}", f"{wait:.3f}", batch, commit]))
PYEOF
}

cd "$WORK"
export DESKOPS_WEBHOOK_SECRETS_FILE="$WORK/secrets.json" DESKOPS_BENCH_DATA="$WORK/deliveries.tsv"
export DESKOPS_BENCH_THREADS="$THREADS"
WRK_OPTS="-t$THREADS -c${BENCH_CONNECTIONS:-16} -d${DURATION}s --timeout 10s"

"$PY" "$HERE/driver.py" sandbox --ready "$WORK/sandbox.json" &
PIDS+=($!)
for _ in $(seq 1 200); do [ -s "$WORK/sandbox.json" ] && break; sleep 0.1; done
export DESKOPS_TARGET=zendesk
DESKOPS_SANDBOX_ZENDESK_URL="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["zendesk_url"])' \
    "$WORK/sandbox.json")"
export DESKOPS_SANDBOX_ZENDESK_URL
eval "$("$PY" -c 'from integrations import sandbox as s
print(f"export ZENDESK_SUBDOMAIN={s.SUBDOMAIN} ZENDESK_EMAIL={s.ADMIN_EMAIL} "
      f"ZENDESK_API_TOKEN={s.API_TOKEN}")')"
PG_URL="${DESKOPS_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
REDIS_URL="${DESKOPS_TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
SEP="?"; [[ "$PG_URL" == *\?* ]] && SEP="&"

HELLO_PORT="$(free_port)"
"$PY" "$HERE/driver.py" hello --port "$HELLO_PORT" --processes 1 &
PIDS+=($!)
HELLO_PID=$!
wait_http "http://127.0.0.1:$HELLO_PORT/"
printf 'config\tround\tvariant\treq/s\tp50 ms\tp99 ms\tnon-2xx\tCPU ms/req\twait ms/req\tbatch\tcommit ms\n' \
    > "$OUT"

declare -A PORT PID DB QUEUE QNAME CODE
ENVS=()
CODE[A]="$A_PATH"
CODE[B]="$B_PATH"
variant_env() {  # VARIANT: ENVS=(that variant's code and stores), for `env "${ENVS[@]}" ...`
    ENVS=(PYTHONPATH="${CODE[$1]}" DESKOPS_DATABASE_URL="${DB[$1]}"
          DESKOPS_QUEUE_URL="${QUEUE[$1]}" DESKOPS_QUEUE_NAME="${QNAME[$1]}")
}
for cfg in $CONFIGS; do
    for v in A B; do
        tag="ab$$_${cfg//+/_}_$v"
        QNAME[$v]="$tag"
        if [[ $cfg == pg* ]]; then
            "$PY" "$HERE/driver.py" pgschema drop --url "$PG_URL" --schema "$tag" || true
            "$PY" "$HERE/driver.py" pgschema create --url "$PG_URL" --schema "$tag"
            DB[$v]="$PG_URL${SEP}options=-csearch_path%3D$tag"
            QUEUE[$v]="$REDIS_URL"
        else
            DB[$v]="sqlite:///$WORK/events-$tag.db"
            QUEUE[$v]="sqlite:///$WORK/queue-$tag.db"
        fi
        PORT[$v]="$(free_port)"
        variant_env "$v"  # env execs deskops: $! is the server's own pid
        env "${ENVS[@]}" "$DESKOPS" serve --port "${PORT[$v]}" >/dev/null &
        PIDS+=($!)
        PID[$v]=$!
        wait_http "http://127.0.0.1:${PORT[$v]}/healthz"
    done
    workers=0
    [[ $cfg == *+2w ]] && workers=2
    for round in $(seq 1 "$ROUNDS"); do
        "$PY" "$HERE/driver.py" sign --out "$DESKOPS_BENCH_DATA" \
            --secrets "$DESKOPS_WEBHOOK_SECRETS_FILE" --count 40000 --round "$round"
        before="$(cpu_ticks "$HELLO_PID")"
        waited="$(rq_wait "$HELLO_PID")"
        # shellcheck disable=SC2086
        wrk $WRK_OPTS -s "$HERE/post.lua" "http://127.0.0.1:$HELLO_PORT/webhooks/zendesk" > bare.txt
        row "$cfg" "$round" bare "$(( $(cpu_ticks "$HELLO_PID") - before ))" \
            "$(( $(rq_wait "$HELLO_PID") - waited ))" bare.txt >> "$OUT"
        order="A B"
        [ $((round % 2)) = 0 ] && order="B A"
        for v in $order; do
            running=()
            variant_env "$v"
            for _ in $(seq 1 "$workers"); do
                env "${ENVS[@]}" "$DESKOPS" worker >/dev/null 2>&1 &
                PIDS+=($!)
                running+=($!)
            done
            [ "$workers" -gt 0 ] && sleep 1
            writer_before="$(writer_totals "${PORT[$v]}")"
            before="$(cpu_ticks "${PID[$v]}")"
            waited="$(rq_wait "${PID[$v]}")"
            # shellcheck disable=SC2086
            wrk $WRK_OPTS -s "$HERE/post.lua" "http://127.0.0.1:${PORT[$v]}/webhooks/zendesk" \
                > run.txt
            ticks=$(( $(cpu_ticks "${PID[$v]}") - before ))
            waited=$(( $(rq_wait "${PID[$v]}") - waited ))
            writer_after="$(writer_totals "${PORT[$v]}")"
            for pid in "${running[@]+"${running[@]}"}"; do
                kill "$pid" 2>/dev/null || true
                wait "$pid" 2>/dev/null || true
            done
            row "$cfg" "$round" "$v" "$ticks" "$waited" run.txt "$writer_before" "$writer_after" \
                >> "$OUT"
        done
        tail -3 "$OUT" >&2
    done
    for v in A B; do
        kill "${PID[$v]}" 2>/dev/null || true
        wait "${PID[$v]}" 2>/dev/null || true
        if [[ $cfg == pg* ]]; then
            "$PY" "$HERE/driver.py" pgschema drop --url "$PG_URL" --schema "${QNAME[$v]}" || true
        fi
    done
done

echo
echo "A: $A_PATH; B: $B_PATH; wrk $WRK_OPTS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" - "$OUT" <<'PYEOF'
import statistics as st
import sys
from collections import defaultdict

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])][1:]
runs: dict[tuple[str, str], dict[str, dict[str, float]]] = defaultdict(dict)
configs: list[str] = []
for cfg, rnd, var, rps, p50, p99, bad, cpu, wait, batch, commit in rows:
    runs[cfg, rnd][var] = {"rps": float(rps), "p50": float(p50), "p99": float(p99),
                           "bad": int(bad), "cpu": float(cpu), "wait": float(wait),
                           "batch": float("nan" if batch == "-" else batch),
                           "commit": float("nan" if commit == "-" else commit)}
    if cfg not in configs:
        configs.append(cfg)
print(f"{'config':<11}{'':<6}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'x req/s':>9}{'x p99':>7}"
      f"{'CPU ms':>8}{'wait ms':>8}{'batch':>7}{'commit':>8}  rounds' x req/s")
for cfg in configs:
    rounds = [r for (c, _), r in runs.items() if c == cfg]
    for var in ("bare", "A", "B"):
        mine = [r for r in rounds if var in r and "bare" in r]
        if not mine:
            continue
        ratio = [r[var]["rps"] / r["bare"]["rps"] for r in mine]
        tail = [r[var]["p99"] / r["bare"]["p99"] for r in mine]
        med = {k: st.median(r[var][k] for r in mine)
               for k in ("rps", "p50", "p99", "cpu", "wait", "batch", "commit")}
        bad = sum(r[var]["bad"] for r in mine)
        print(f"{cfg:<11}{var:<6}{med['rps']:>8.0f}{med['p50']:>8.2f}{med['p99']:>8.2f}"
              f"{st.median(ratio):>9.2f}{st.median(tail):>7.1f}{med['cpu']:>8.3f}{med['wait']:>8.3f}"
              f"{med['batch']:>7.1f}{med['commit']:>8.2f}  "
              + " ".join(f"{x:.2f}" for x in ratio) + (f"  non-2xx {bad}" if bad else ""))
    tails = [r["B"]["p99"] / r["A"]["p99"] for r in rounds if "A" in r and "B" in r]
    if tails:
        print(f"{cfg:<11}B/A p99 median {st.median(tails):.3f} (rounds "
              + " ".join(f"{x:.2f}" for x in tails) + ")")
    pairs = [r["B"]["rps"] / r["A"]["rps"] for r in rounds if "A" in r and "B" in r]
    if pairs:
        print(f"{cfg:<11}B/A req/s median {st.median(pairs):.3f} (rounds "
              + " ".join(f"{x:.2f}" for x in pairs)
              + f"): B ahead in {sum(x > 1 for x in pairs)} of {len(pairs)}")
PYEOF
