-- Each request books a different slot: resource = n mod R, start = BASE + (n div R) * 30 min.
-- Threads interleave their counters so no two requests share a slot.
local counter, threads = 0, {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function init(args)
  resources = {}
  for id in string.gmatch(os.getenv("RESOURCES"), "[^,]+") do table.insert(resources, id) end
  service, customer, token = os.getenv("SERVICE"), os.getenv("CUSTOMER"), os.getenv("TOKEN")
  base = tonumber(os.getenv("BASE"))
  nthreads = tonumber(os.getenv("THREADS"))
end
function request()
  local n = counter * nthreads + tid
  counter = counter + 1
  local r = resources[(n % #resources) + 1]
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", base + math.floor(n / #resources) * 1800)
  local body = string.format('{"customerId":"%s","serviceId":"%s","resourceId":"%s","startTime":"%s"}', customer, service, r, start)
  return wrk.format("POST", "/api/appointments/", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
