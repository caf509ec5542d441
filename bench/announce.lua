-- wrk script: announces to 1000 swarms with random peer ids and ports, half seeders,
-- compact=1&numwant=50. The swarms' info hashes come from bench/out/hashes.txt (hex, one a line).
local hashes = {}

local function percent(hex)
  return (hex:gsub("..", function(byte) return "%" .. byte end))
end

init = function(args)
  for line in io.lines(args[1]) do
    hashes[#hashes + 1] = percent(line)
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local hash = hashes[math.random(#hashes)]
  local id = string.format("-BN0001-%012d", math.random(0, 999999999999))
  local left = (math.random(2) == 1) and 0 or 1000
  local path = "/announce?info_hash=" .. hash .. "&peer_id=" .. id ..
      "&port=" .. math.random(1024, 65535) ..
      "&uploaded=0&downloaded=0&left=" .. left .. "&compact=1&numwant=50"
  return wrk.format("GET", path)
end
