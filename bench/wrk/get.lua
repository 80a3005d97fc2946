-- GET the URL; with an argument, as a bearer of that access token.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")

function init(args)
  if args[1] then
    wrk.headers["Authorization"] = "Bearer " .. args[1]
  end
end
