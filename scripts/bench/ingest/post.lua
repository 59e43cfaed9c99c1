-- wrk script for scripts/bench/ingest.sh: POST pre-signed webhook deliveries.
--
-- Nothing is computed at run time (wrk's Lua has no HMAC): driver.py wrote one delivery per
-- line, "<webhook id>\t<timestamp>\t<signature>\t<invocation id>\t<body>", signed with a
-- fresh timestamp inside the receiver's replay window. Each wrk thread takes every Nth
-- line so no two threads send the same delivery; a thread that runs out starts over (the
-- receiver then answers "duplicate": still a durable lookup, and driver.py reports how many
-- events were really stored). At the end one JSON line with the figures is printed.

local data_file = os.getenv("DESKOPS_BENCH_DATA")
local counter = 0

-- setup runs in the main Lua state, once per thread: number the threads.
function setup(thread)
   thread:set("tid", counter)
   counter = counter + 1
end

function init(args)
   local nthreads = tonumber(os.getenv("DESKOPS_BENCH_THREADS") or "1")
   local mine = {}
   local i = 0
   for line in io.lines(data_file) do
      if i % nthreads == (tid or 0) then
         local hook, stamp, sig, invocation, body =
            line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
         mine[#mine + 1] = wrk.format("POST", nil, {
            ["Content-Type"] = "application/json",
            ["X-Zendesk-Webhook-Id"] = hook,
            ["X-Zendesk-Webhook-Signature-Timestamp"] = stamp,
            ["X-Zendesk-Webhook-Signature"] = sig,
            ["X-Zendesk-Webhook-Invocation-Id"] = invocation,
         }, body)
      end
      i = i + 1
   end
   requests_ = mine
   next_ = 1
end

function request()
   local req = requests_[next_]
   next_ = next_ + 1
   if next_ > #requests_ then next_ = 1 end
   return req
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      '{"requests": %d, "duration_us": %d, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, '
      .. '"max_ms": %.3f, "non_2xx": %d, "socket_errors": %d}\n',
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      e.status, e.connect + e.read + e.write + e.timeout))
end
