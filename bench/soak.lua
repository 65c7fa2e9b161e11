-- One kind of anonymous read for bench/soak.sh, which runs one wrk per kind at once (each with its share of
-- the connections), so that wrk's own latency histogram is that kind's alone.
--   wrk -t1 -c8 -d10m --timeout 30s -s bench/soak.lua http://127.0.0.1:8080 -- KIND DIR
-- DIR holds slugs.txt (every article anonymous readers can see) and pages.txt (second and later pages of
-- lists, the paths their Link headers gave). done() prints one line: SOAK kind requests seconds p50_ms
-- p99_ms max_ms non2xx 5xx 503 timeouts socket_errors.

local sections = { "world", "politics", "economy", "culture", "sport", "science", "opinion", "local", "business", "health" }
-- Words of the generated bodies (bench/generate.sql): each is in most articles, as a reader's common word is.
local words = { "harbour", "election", "bridge", "convoy", "winter", "hospital", "budget", "ferry", "strike", "grain",
                "museum", "ceasefire", "railway", "blackout", "festival", "pensions", "drought", "embassy", "coalition" }

local function lines(path)
  local t = {}
  for line in io.lines(path) do if line ~= "" then t[#t + 1] = line end end
  return t
end

local function pick(t) return t[math.random(#t)] end

local function region() return "region-" .. math.random(20) .. "-" .. math.random(10) end

-- Each kind: a function returning the path of its next request. People: :people = 5,050 at 100k articles.
local slugs, pages, people
local paths = {
  article = function() return "/api/v1/articles/" .. pick(slugs) .. "?include=people,places,quotes" end,
  newest = function() return "/api/v1/articles?limit=20" end,
  tag = function() return "/api/v1/articles?limit=20&tag=tag-" .. (math.random(200) - 1) end,
  section = function() return "/api/v1/articles?limit=20&section=" .. pick(sections) end,
  person = function() return "/api/v1/articles?limit=20&person=person-" .. math.random(people) end,
  place = function()
    local r = math.random(3)
    if r == 1 then return "/api/v1/articles?limit=20&place=country-" .. math.random(20) end
    if r == 2 then return "/api/v1/articles?limit=20&place=" .. region() end
    return "/api/v1/articles?limit=20&place=town-" .. math.random(20) .. "-" .. math.random(10) .. "-" .. math.random(20)
  end,
  page = function() return pick(pages) end,
  search = function() return "/api/v1/articles?limit=20&q=" .. pick(words) end,
  near = function()
    local c, r = math.random(20), math.random(10)
    local lat = -50 + c * 5 + r * 0.3 + math.random() * 0.25
    local lon = -150 + c * 15 + r * 0.4 + math.random() * 0.35
    return string.format("/api/v1/places?near=%.4f,%.4f&radiusKm=25&limit=20", lat, lon)
  end,
  people = function() return "/api/v1/people?limit=20" end,
  quotes = function() return "/api/v1/quotes?limit=20&speaker=person-" .. math.random(people) end,
}

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  threads[#threads + 1] = thread
end

local path_of
status = {}  -- per thread (globals are what thread:get can read): answers by status code
kind = nil

function init(args)
  kind = args[1]
  path_of = paths[kind] or error("unknown kind " .. tostring(kind))
  math.randomseed(os.time() * 1000 + id)
  slugs = lines(args[2] .. "/slugs.txt")
  pages = lines(args[2] .. "/pages.txt")
  people = tonumber(args[3] or "5050")
end

function request()
  return wrk.format("GET", path_of())
end

function response(code)
  status[code] = (status[code] or 0) + 1
end

function done(summary, latency)
  local non2xx, s5xx, s503 = 0, 0, 0
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("status")) do
      if code < 200 or code > 299 then non2xx = non2xx + n end
      if code >= 500 then s5xx = s5xx + n end
      if code == 503 then s503 = s503 + n end
    end
  end
  local e = summary.errors
  io.write(string.format("SOAK %s %d %.1f %.1f %.1f %.1f %d %d %d %d %d\n", threads[1]:get("kind"), summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    non2xx, s5xx, s503, e.timeout, e.connect + e.read + e.write))
end
