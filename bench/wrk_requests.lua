-- wrk script for bench/api_bench.py: every request is a random line of a request file.
--
--   wrk -t1 -c16 -d30s -s bench/wrk_requests.lua http://127.0.0.1:PORT -- FILE TOKEN SEED
--
-- FILE has one request per line: METHOD <tab> PATH <tab> JSON BODY (may be empty).
-- At the end one line `WRK_RESULT {json}` reports requests, errors and latency percentiles.

local prepared = {}

function init(args)
  local headers = { ["Authorization"] = "Bearer " .. args[2] }
  for line in io.lines(args[1]) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      local h = headers
      if body ~= "" then
        h = { ["Authorization"] = headers["Authorization"], ["Content-Type"] = "application/json" }
      else
        body = nil
      end
      prepared[#prepared + 1] = wrk.format(method, path, h, body)
    end
  end
  math.randomseed(tonumber(args[3]) or 1)
end

function request()
  return prepared[math.random(#prepared)]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "seconds": %.3f, "errors": %d, "non_2xx": %d, ' ..
    '"p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout,
    e.status, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
