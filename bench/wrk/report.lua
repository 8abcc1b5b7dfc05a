-- wrk script of the benchmark harness (bench/run.sh, Reads.java).
-- Prints one machine-readable line when done. Given script arguments (after "--"):
--   <path template> <now, epoch seconds> <wrk threads>
-- every request asks a question nobody asked before: {knownAt} becomes a distinct moment of the last
-- 365 days (a past bulletin reproduced) and {year} the year of that moment in Asia/Shanghai.

local template = nil
local now = 0
local threads = 1
local counter = 0
local window = 365 * 86400
local step = 7919 -- a prime: n * step modulo the window visits every second of it before repeating

local created = 0
function setup(thread)
  thread:set("id", created)
  created = created + 1
end

function init(args)
  if args[1] ~= nil then
    template = args[1]
    now = tonumber(args[2])
    threads = tonumber(args[3])
  end
end

function request()
  if template == nil then
    return wrk.request()
  end
  counter = counter + 1
  local n = counter * threads + id
  local t = now - (n * step) % window
  local known = os.date("!%Y-%m-%dT%H:%M:%S", t) .. string.format(".%06dZ", n % 1000000)
  local year = os.date("!%Y", t + 8 * 3600)
  local path = template:gsub("{knownAt}", known):gsub("{year}", year)
  return wrk.format(nil, path)
end

function done(summary, latency, requests)
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
