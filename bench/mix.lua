-- The mixed read workload of bench/mix.sh: one wrk whose every thread has ONE connection (wrk -tN -cN), so that
-- a thread's response belongs to its last request and the script can time each request per kind.
--   wrk -t32 -c32 -d60s --timeout 10s -s bench/mix.lua http://127.0.0.1:8080 -- DIR ARTICLES PEOPLE
-- DIR holds visible.txt (one character per article number, 1 when anonymous readers see article-<n>) and
-- pages.txt (second pages of lists, the paths their Link headers gave). Kinds, by share of requests:
-- 70% single articles (with people, places and quotes), drawn Zipf-distributed (s = 1) over every article;
-- 20% list pages (newest, tag, section, person, place, second pages through cursors); 10% q searches and near.
-- done() prints one line per kind: MIX kind requests p50_ms p99_ms. wrk's own summary counts the answers >= 400.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } mix_timespec;
  int clock_gettime(int clock, mix_timespec *t);
]]
local ts = ffi.new("mix_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
end

local sections = { "world", "politics", "economy", "culture", "sport", "science", "opinion", "local", "business", "health" }
local words = { "harbour", "election", "bridge", "convoy", "winter", "hospital", "budget", "ferry", "strike", "grain" }

local visible, pages, articles, people

local function pick(t) return t[math.random(#t)] end

-- Zipf (s = 1) over ranks 1..articles by inverting its continuous approximation, P(rank <= k) ~ ln(k + 1) / ln(n + 1);
-- rank k is article number (k * 7919) mod n + 1 (7919 is prime, so ranks map one to one onto articles and
-- popularity is not tied to age). An article readers cannot see is drawn again.
local function zipf_article()
  for _ = 1, 100 do
    local k = math.floor(math.exp(math.random() * math.log(articles + 1)))
    if k > articles then k = articles end
    local n = (k * 7919) % articles + 1
    if visible:byte(n) == 49 then return n end
  end
  return 1
end

local function region() return "region-" .. math.random(20) .. "-" .. math.random(10) end

local kinds = {
  { "article", 70, function() return "/api/v1/articles/article-" .. zipf_article() .. "?include=people,places,quotes" end },
  { "newest", 4, function() return "/api/v1/articles?limit=20" end },
  { "tag", 3, function() return "/api/v1/articles?limit=20&tag=tag-" .. (math.random(200) - 1) end },
  { "section", 3, function() return "/api/v1/articles?limit=20&section=" .. pick(sections) end },
  { "person", 3, function() return "/api/v1/articles?limit=20&person=person-" .. math.random(people) end },
  { "place", 3, function() return "/api/v1/articles?limit=20&place=" .. region() end },
  { "page", 4, function() return pick(pages) end },
  { "search", 5, function() return "/api/v1/articles?limit=20&q=" .. pick(words) end },
  { "near", 5, function()
      local c, r = math.random(20), math.random(10)
      local lat = -50 + c * 5 + r * 0.3 + math.random() * 0.25
      local lon = -150 + c * 15 + r * 0.4 + math.random() * 0.35
      return string.format("/api/v1/places?near=%.4f,%.4f&radiusKm=25&limit=20", lat, lon)
    end },
}

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

-- Per thread, a global so that done() can read it with thread:get (which copies flat tables only, and leaves each
-- value on the thread's stack, so it is called once per thread): one number per answer, kind * 1e9 + microseconds.
samples = {}
local current, started

function init(args)
  local dir = args[1]
  articles = tonumber(args[2])
  people = tonumber(args[3])
  math.randomseed(os.time() * 1000 + id)
  local f = assert(io.open(dir .. "/visible.txt"))
  visible = f:read("*a")
  f:close()
  pages = {}
  for line in io.lines(dir .. "/pages.txt") do if line ~= "" then pages[#pages + 1] = line end end
end

-- A thread's one connection asks for its next request as soon as the answer to the last one is in, so request()
-- times the answer before it. No response() function: with one, wrk copies every answer's headers and body into Lua
-- (wrk's own CPU a request in the mix 0.116-0.140 ms with it, 0.086-0.089 ms without, in alternating 20 s windows).
function request()
  local t = now_us()
  if current then samples[#samples + 1] = current * 1e9 + math.floor(t - started) end
  local r, i = math.random(100), 1
  while r > kinds[i][2] do r = r - kinds[i][2]; i = i + 1 end
  current = i
  started = t
  return wrk.format("GET", kinds[i][3]())
end

function done()
  local lat = {}
  for i = 1, #kinds do lat[i] = {} end
  for _, t in ipairs(threads) do
    for _, v in ipairs(t:get("samples")) do
      local i = math.floor(v / 1e9)
      local l = lat[i]
      l[#l + 1] = v - i * 1e9
    end
  end
  for i, k in ipairs(kinds) do
    local all = lat[i]
    table.sort(all)
    local function pct(p) return #all == 0 and 0 or all[math.max(1, math.ceil(#all * p))] / 1000 end
    io.write(string.format("MIX %s %d %.1f %.1f\n", k[1], #all, pct(0.5), pct(0.99)))
  end
end
