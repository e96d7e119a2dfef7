-- The launch rehearsal's storm for wrk (Debian's wrk 4.1, LuaJIT), driven by io.boxoffice.bench.WrkStorm.
-- wrk runs one thread per connection here, so each connection has a Lua state of its own and
-- delay() -> request() -> response() follow each other strictly: a connection always knows which
-- arrival it is serving. Open model: connection k of C serves arrivals k, k+C, k+2C, ... of a schedule
-- of `rate` arrivals per second that starts at t0 (arrival n is due at t0 + n/rate); a connection that
-- falls behind sends its next arrival at once, and the driver counts latency from the due time, so
-- queueing is never hidden (coordinated omission). Closed model (rate 0): back to back for `duration`.
-- Each connection writes "#t0 <us>" and then one line per answer to <out>/conn-<k>.tsv:
--   <arrival n> <sent us> <answered us> <status> <user> <booking id | request id | problem code | ->
-- and "#done" when it has nothing more to send (CLOCK_MONOTONIC microseconds, as Java's nanoTime).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock, timespec *ts);
]]
local ts = ffi.new("timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

local connections = 0
function setup(thread)
  -- Runs once per thread, in the set-up environment, before any thread starts.
  if start_us == nil then start_us = now_us() + 500000 end
  thread:set("index", connections)
  thread:set("t0", start_us)
  connections = connections + 1
end

local out, rate, arrivals, stop_us, async, seats
local paths, tokens = {}, {}
local n, user, finished = nil, 0, false

function init(args)
  -- args: plan file, output dir (or "-"), total connections, rate (0 = closed), duration s, async 0/1, seats
  local plan, dir = args[1], args[2]
  local total = tonumber(args[3])
  rate, async, seats = tonumber(args[4]), args[6] == "1", tonumber(args[7])
  local duration = tonumber(args[5])
  arrivals = math.floor(rate * duration)
  stop_us = t0 + duration * 1000000
  for line in io.lines(plan) do
    local kind, value = line:match("^(%a) (.+)$")
    if kind == "P" then paths[#paths + 1] = value elseif kind == "T" then tokens[#tokens + 1] = value end
  end
  if dir ~= "-" then
    out = io.open(dir .. "/conn-" .. index .. ".tsv", "w")
    -- Line by line: wrk is stopped by a signal at the hard stop, and a buffered tail would be cut mid-line.
    out:setvbuf("line")
    out:write("#t0\t", t0, "\n")
  end
  connections = total
  math.randomseed(t0 + index * 7919)
end

local function finish()
  if not finished then
    finished = true
    if out then out:write("#done\n"); out:close() end
  end
  return 3600000
end

function delay()
  n = n == nil and index or n + connections
  if rate == 0 then
    return now_us() < stop_us and 0 or finish()
  end
  if n >= arrivals then return finish() end
  local wait = t0 + n * 1000000 / rate - now_us()
  return wait > 0 and math.ceil(wait / 1000) or 0
end

function request()
  user = math.random(#tokens)
  local two = seats > 1 and math.random(2) == 2
  local first = math.random(two and seats - 1 or seats)
  local body = two and ('{"seats":[' .. first .. ',' .. (first + 1) .. ']}') or ('{"seats":[' .. first .. ']}')
  local headers = { ["Authorization"] = tokens[user], ["Content-Type"] = "application/json",
                    ["Accept"] = "application/json" }
  if async then headers["Prefer"] = "respond-async" end
  sent = now_us()
  return wrk.format("POST", paths[math.random(#paths)], headers, body)
end

function response(status, headers, body)
  local answered = now_us()
  if out == nil then return end
  local value
  if status == 201 then value = body:match('"id":"([^"]+)"')
  elseif status == 202 then value = body:match('"requestId":"([^"]+)"')
  elseif status >= 400 then value = body:match('"code":"([^"]+)"') end
  out:write(n, "\t", sent, "\t", answered, "\t", status, "\t", user - 1, "\t", value or "-", "\n")
end
