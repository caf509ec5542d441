-- wrk script: announces to 1000 swarms with random peer ids and ports, half seeders,
-- compact=1&numwant=50. The swarms' info hashes come from bench/out/hashes.txt (hex, one a line).
-- With a second argument N, the peers are N fixed ones (each in one swarm, with its own port)
-- announcing again and again, as real clients do, instead of new peers every time.
local hashes = {}
local pool = nil

local function percent(hex)
  return (hex:gsub("..", function(byte) return "%" .. byte end))
end

init = function(args)
  for line in io.lines(args[1]) do
    hashes[#hashes + 1] = percent(line)
  end
  if args[2] then pool = tonumber(args[2]) end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local hash, id, port
  if pool then
    local p = math.random(0, pool - 1)
    hash = hashes[p % #hashes + 1]
    id = string.format("-BN0001-%012d", p)
    port = 1024 + p % 64000
  else
    hash = hashes[math.random(#hashes)]
    id = string.format("-BN0001-%012d", math.random(0, 999999999999))
    port = math.random(1024, 65535)
  end
  local left = (math.random(2) == 1) and 0 or 1000
  local path = "/announce?info_hash=" .. hash .. "&peer_id=" .. id ..
      "&port=" .. port ..
      "&uploaded=0&downloaded=0&left=" .. left .. "&compact=1&numwant=50"
  return wrk.format("GET", path)
end
