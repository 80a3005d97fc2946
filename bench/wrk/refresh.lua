-- Refreshes back to back, each thread (one connection each) following its
-- own sign-in: it starts from the line of TOKENS (one refresh token a line)
-- at its index and always sends the token the last answer gave, so every
-- token is used once. Argument: TOKENS.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

local token

function init(args)
  local tokens = {}
  for line in io.lines(args[1]) do
    table.insert(tokens, line)
  end
  token = tokens[index]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  return wrk.format(nil, nil, nil, string.format('{"refreshToken":"%s"}', token))
end

function response(status, headers, body)
  if status == 200 then
    token = body:match('"refreshToken":"([^"]+)"')
  end
end
