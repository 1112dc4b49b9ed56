-- Every request tries to book the same slot on the same resource.
function init(args)
  local r = string.match(os.getenv("RESOURCES"), "[^,]+")
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", tonumber(os.getenv("CONTESTED")))
  body = string.format('{"customerId":"%s","serviceId":"%s","resourceId":"%s","startTime":"%s"}',
    os.getenv("CUSTOMER"), os.getenv("SERVICE"), r, start)
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
end
function request() return wrk.format("POST", "/api/appointments/", headers, body) end
