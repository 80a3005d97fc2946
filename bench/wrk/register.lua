-- Registers a new account with every request. Arguments: PREFIX PASSWORD;
-- addresses are PREFIX-<thread>-<n>@bench.example.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local prefix, password
local count = 0

function init(args)
  prefix, password = args[1], args[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  count = count + 1
  local body = string.format('{"email":"%s-%d-%d@bench.example","password":"%s","name":"Bench Mark"}',
    prefix, index, count, password)
  return wrk.format(nil, nil, nil, body)
end
