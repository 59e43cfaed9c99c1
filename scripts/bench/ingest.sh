#!/usr/bin/env bash
# Webhook ingest benchmark (part of `make bench`), loopback only, about three minutes.
#
# 1. Ack path, with the same wrk options: a bare hello-world endpoint on the same stack
#    (Starlette on uvicorn's h11 server and asyncio loop, same options as `deskops serve`),
#    measured again right before each `deskops serve`
#    run so each ratio compares runs under the same machine load; `deskops serve` (signature check, dedupe,
#    group commit, fully durable: SQLite synchronous=FULL / PostgreSQL synchronous_commit on)
#    on SQLite and on PostgreSQL, each alone and while two `deskops worker` processes claim
#    and finish the events being ingested. Prints req/s, p50/p99 ack latency, the ratios
#    against the bare endpoint (targets: >= 0.5x its throughput, p99 <= 5x its p99) and the
#    CPU each server process spent per answered request (all its threads, /proc ticks).
#    Then the same four with `deskops serve --processes 2` (rows named ...x2proc), each
#    against a bare endpoint also run as 2 processes on one socket (the same fork and
#    supervisor code, the same uvicorn options); CPU is then the parent's and its children's.
#    The "+2workers" rows' workers are plain `deskops worker` processes (no workspace: the
#    language tagger; their default priority, nice +10): per event, a queue nudge, `claim`,
#    a GET of the ticket from the local sandbox, `finish`. The signed tickets do not exist
#    in the sandbox (404: finished as "skipped"), and its rate limits are lifted, so the
#    workers never wait: a worst case next to a deployment, whose workers wait on the
#    network and on the helpdesk's quota (docs/deployment.md, "Workers beside the receiver").
#    The sandbox runs at nice 0: niced (nice 10) or under SCHED_IDLE it used about as much
#    CPU and the receiver's ratio did not move beyond the noise (scripts/bench/ingest/
#    cpu_split.py; docs/deployment.md, "Task 11g").
# 2. End to end: sandbox tickets -> the sandbox's triggers deliver signed webhooks ->
#    `deskops serve` -> store -> 1, then 2 `deskops worker` processes -> ticket tagged in
#    the sandbox. Prints events/s (sandbox rate limits lifted; the quota floor beside).
#
# Knobs: BENCH_DURATION (wrk seconds, default 10), BENCH_CONNECTIONS (16), BENCH_THREADS (2),
# BENCH_ROUNDS (bare + deskops pairs per configuration, default 3: the ratios judged are the
# medians, the machine being shared and noisy), BENCH_PROCESSES (process counts of the ack
# runs, default "1 2"), BENCH_TICKETS (events per end-to-end run,
# 100; 0 skips the end-to-end part). Needs wrk (Debian package; installed with
# apt-get when missing), PostgreSQL and Redis for the scale-out runs (skipped, and said so,
# when unreachable; CI=true makes that an error).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/bench/ingest"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DESKOPS="$(dirname "$PY")/deskops"
DURATION="${BENCH_DURATION:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
TICKETS="${BENCH_TICKETS:-100}"
ROUNDS="${BENCH_ROUNDS:-3}"
PROCESS_COUNTS="${BENCH_PROCESSES:-1 2}"

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk not found: installing the Debian package" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq wrk >/dev/null
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/deskops-ingest.XXXXXX")"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_http() {  # URL: wait until something answers (any status), 20 s at most
    for _ in $(seq 1 200); do
        if "$PY" -c 'import sys,urllib.request,urllib.error
try: urllib.request.urlopen(sys.argv[1], timeout=1)
except urllib.error.HTTPError: pass
except OSError: sys.exit(1)' "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "nothing answers at $1" >&2
    return 1
}

# A clean environment for deskops: only what the bench sets (no stray .env, no real helpdesk).
cd "$WORK"
export DESKOPS_DATABASE_URL="sqlite:///$WORK/events.db"
export DESKOPS_QUEUE_URL="sqlite:///$WORK/queue.db"
export DESKOPS_WEBHOOK_SECRETS_FILE="$WORK/secrets.json"
export DESKOPS_BENCH_DATA="$WORK/deliveries.tsv"
export DESKOPS_BENCH_THREADS="$THREADS"
WRK_OPTS="-t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s"

# The sandbox answers the workers of the "while workers run" ack runs and the end-to-end runs.
"$PY" "$HERE/driver.py" sandbox --ready "$WORK/sandbox.json" &
PIDS+=($!)
for _ in $(seq 1 200); do [ -s "$WORK/sandbox.json" ] && break; sleep 0.1; done
ZENDESK_URL="$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["zendesk_url"])' \
    "$WORK/sandbox.json")"
export DESKOPS_TARGET=zendesk
export DESKOPS_SANDBOX_ZENDESK_URL="$ZENDESK_URL"
eval "$("$PY" -c 'from integrations import sandbox as s
print(f"export ZENDESK_SUBDOMAIN={s.SUBDOMAIN} ZENDESK_EMAIL={s.ADMIN_EMAIL} "
      f"ZENDESK_API_TOKEN={s.API_TOKEN}")')"

# Scale-out back-ends when reachable (make pytest starts them: scripts/services.py).
PG_URL="${DESKOPS_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/test}"
REDIS_URL="${DESKOPS_TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
PG_SCHEMA="bench_$$"
SCALE=0
if "$PY" "$HERE/driver.py" pgschema create --url "$PG_URL" --schema "$PG_SCHEMA" 2>/dev/null \
    && "$PY" -c 'import redis,sys; redis.Redis.from_url(sys.argv[1], socket_connect_timeout=2).ping()' \
        "$REDIS_URL" 2>/dev/null; then
    SCALE=1
    SEP="?"; [[ "$PG_URL" == *\?* ]] && SEP="&"
    PG_STORE="$PG_URL${SEP}options=-csearch_path%3D$PG_SCHEMA"
elif [ "${CI:-}" = "true" ]; then
    echo "error: PostgreSQL or Redis unreachable (CI=true: the scale-out runs are required)" >&2
    exit 1
else
    echo "PostgreSQL or Redis unreachable: SQLite runs only" >&2
fi

hello_start() {  # PROCESSES: the bare endpoint with that many processes (HELLO_PORT, HELLO_PID)
    HELLO_PORT="$(free_port)"
    "$PY" "$HERE/driver.py" hello --port "$HELLO_PORT" --processes "$1" &
    PIDS+=($!)
    HELLO_PID="${PIDS[-1]}"
    wait_http "http://127.0.0.1:$HELLO_PORT/"
}

ACK_ARGS=()
STORED_ARGS=()
cpu_ticks() {  # PID: CPU ticks (user + system, every thread) of the process and its children
    local total=0 pid
    for pid in "$1" $(cat "/proc/$1/task/$1/children" 2>/dev/null); do
        total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    done
    echo "$total"
}

bare_run() {  # NAME: the bare endpoint again, right before a deskops run (same load)
    echo "wrk $WRK_OPTS -> bare endpoint, before $1" >&2
    local before
    before="$(cpu_ticks "$HELLO_PID")"
    # shellcheck disable=SC2086
    wrk $WRK_OPTS -s "$HERE/post.lua" "http://127.0.0.1:$HELLO_PORT/webhooks/zendesk" \
        > "$WORK/bare-$1.txt"
    echo "$(( $(cpu_ticks "$HELLO_PID") - before )) $(getconf CLK_TCK)" > "$WORK/bare-$1.txt.cpu"
}

ack_run() {  # NAME DATABASE_URL QUEUE_URL WORKERS [PROCESSES]: wrk runs against a fresh store
    export DESKOPS_DATABASE_URL="$2" DESKOPS_QUEUE_URL="$3" DESKOPS_QUEUE_NAME="deskopsbench$$$1"
    local port workers=()
    port="$(free_port)"
    "$DESKOPS" serve --port "$port" --processes "${5:-1}" &
    local serve_pid=$!
    PIDS+=("$serve_pid")
    wait_http "http://127.0.0.1:$port/healthz"
    for _ in $(seq 1 "$4"); do
        "$DESKOPS" worker >/dev/null 2>&1 &
        workers+=($!)
        PIDS+=($!)
    done
    local round
    for round in $(seq 1 "$ROUNDS"); do
        # Signed just before use (timestamps inside the default 300 s replay window), fresh
        # each round (new events, not duplicates of the previous round's).
        "$PY" "$HERE/driver.py" sign --out "$DESKOPS_BENCH_DATA" \
            --secrets "$DESKOPS_WEBHOOK_SECRETS_FILE" --count 40000 --round "$round"
        bare_run "$1-$round"
        echo "wrk $WRK_OPTS -> deskops serve, $1 (round $round of $ROUNDS)" >&2
        local before
        before="$(cpu_ticks "$serve_pid")"
        # shellcheck disable=SC2086
        wrk $WRK_OPTS -s "$HERE/post.lua" "http://127.0.0.1:$port/webhooks/zendesk" \
            > "$WORK/ack-$1-$round.txt"
        echo "$(( $(cpu_ticks "$serve_pid") - before )) $(getconf CLK_TCK)" \
            > "$WORK/ack-$1-$round.txt.cpu"
        ACK_ARGS+=(--ack "$1=$WORK/ack-$1-$round.txt=$WORK/bare-$1-$round.txt")
    done
    "$PY" "$HERE/driver.py" count --metrics "http://127.0.0.1:$port/metrics" \
        > "$WORK/stored-$1.json"
    for pid in "${workers[@]}" "$serve_pid"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    STORED_ARGS+=(--stored "$1=$WORK/stored-$1.json")
}

for procs in $PROCESS_COUNTS; do
    hello_start "$procs"
    tag=""; [ "$procs" = 1 ] || tag="-x${procs}proc"
    ack_run "sqlite$tag" "sqlite:///$WORK/ack-sqlite-$procs.db" \
        "sqlite:///$WORK/ack-queue-$procs.db" 0 "$procs"
    ack_run "sqlite+2workers$tag" "sqlite:///$WORK/ack-sqlite-w-$procs.db" \
        "sqlite:///$WORK/ack-queue-w-$procs.db" 2 "$procs"
    if [ "$SCALE" = 1 ]; then
        "$PY" "$HERE/driver.py" pgschema drop --url "$PG_URL" --schema "$PG_SCHEMA" || true
        "$PY" "$HERE/driver.py" pgschema create --url "$PG_URL" --schema "$PG_SCHEMA"
        "$PY" "$HERE/driver.py" pgschema create --url "$PG_URL" --schema "${PG_SCHEMA}_w"
        ack_run "postgresql$tag" "$PG_STORE" "$REDIS_URL" 0 "$procs"
        ack_run "postgresql+2workers$tag" \
            "$PG_URL${SEP}options=-csearch_path%3D${PG_SCHEMA}_w" "$REDIS_URL" 2 "$procs"
        "$PY" "$HERE/driver.py" pgschema drop --url "$PG_URL" --schema "${PG_SCHEMA}_w" || true
    fi
    kill "$HELLO_PID" && wait "$HELLO_PID" 2>/dev/null || true
done
if [ "$SCALE" = 1 ]; then
    "$PY" "$HERE/driver.py" pgschema drop --url "$PG_URL" --schema "$PG_SCHEMA" || true
    "$PY" "$HERE/driver.py" pgschema create --url "$PG_URL" --schema "$PG_SCHEMA"
fi
"$PY" "$HERE/driver.py" commit-floor --db "$WORK/floor.db" > "$WORK/floor.json"
SERVE_PORT="$(free_port)"

# -- 2. end to end against the sandbox, 1 then 2 worker processes, per back-end -------------
E2E_ARGS=()
e2e_backend() {  # NAME DATABASE_URL QUEUE_URL
    export DESKOPS_DATABASE_URL="$2" DESKOPS_QUEUE_URL="$3"
    "$DESKOPS" serve --port "$SERVE_PORT" &
    local serve_pid=$!
    PIDS+=("$serve_pid")
    wait_http "http://127.0.0.1:$SERVE_PORT/healthz"
    "$DESKOPS" webhooks install --url "http://127.0.0.1:$SERVE_PORT" >/dev/null
    [ "$TICKETS" -gt 0 ] || { kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; return; }
    for workers in 1 2; do
        echo "end to end on $1: $TICKETS tickets, $workers worker process(es)" >&2
        "$PY" "$HERE/driver.py" e2e --backend "$1" --tickets "$TICKETS" --workers "$workers" \
            > "$WORK/e2e-$1-$workers.json"
        E2E_ARGS+=(--e2e "$WORK/e2e-$1-$workers.json")
    done
    kill "$serve_pid" && wait "$serve_pid" 2>/dev/null || true
}

e2e_backend sqlite "sqlite:///$WORK/e2e-events.db" "sqlite:///$WORK/e2e-queue.db"
if [ "$SCALE" = 1 ]; then
    export DESKOPS_QUEUE_NAME="deskopsbench$$"
    e2e_backend postgresql+redis "$PG_STORE" "$REDIS_URL"
    "$PY" "$HERE/driver.py" pgschema drop --url "$PG_URL" --schema "$PG_SCHEMA" || true
    "$PY" -c 'import redis,sys; r=redis.Redis.from_url(sys.argv[1]); [r.delete(k) for k in r.scan_iter(f"huey.*.deskopsbench{sys.argv[2]}*")]' \
        "$REDIS_URL" "$$" 2>/dev/null || true
fi

"$PY" "$HERE/driver.py" summary --wrk-opts "$WRK_OPTS" --floor "$WORK/floor.json" \
    --load "$(cut -d' ' -f1-3 /proc/loadavg)" "${ACK_ARGS[@]}" "${STORED_ARGS[@]}" \
    ${E2E_ARGS[@]+"${E2E_ARGS[@]}"}
