-- Signs in back to back, each thread (one connection each) as its own
-- account: the line of ACCOUNTS (one address a line) at the thread's index.
-- Arguments: ACCOUNTS PASSWORD.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

function init(args)
  local accounts = {}
  for line in io.lines(args[1]) do
    table.insert(accounts, line)
  end
  local email = accounts[(index - 1) % #accounts + 1]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format('{"email":"%s","password":"%s"}', email, args[2])
end
