-- Deterministic bench data set, generated inside PostgreSQL (fast: no client round trips).
-- Usage: psql ... -v articles=100000 -f bench/generate.sql
-- Shape per the performance issue: articles with 8-12 paragraph bodies, ~5 quotes each, people,
-- places in a 3-level hierarchy (country > region > town) with coordinates, tags, 3 years of dates.
\set ON_ERROR_STOP on
set max_parallel_workers_per_gather = 0;  -- one random() stream, so the same seed gives the same data
select setseed(0.20261126);

\set people (:articles / 20 + 50)
begin;
create temporary table words as
select w, row_number() over () as n from unnest(string_to_array(
 'convoy shelling retreat front line city council mayor governor minister village town region border river bridge '
 'power plant hospital school water winter harvest grain port ferry island storm harbour election parliament budget '
 'energy gas pipeline railway station airport market prices inflation workers union strike court judge police army '
 'soldiers volunteers refugees evacuation shelter aid convoy drones artillery ceasefire talks summit treaty sanctions '
 'exports imports factory steel coal solar wind turbine grid blackout repair crews engineers teachers doctors nurses '
 'students university museum library theatre festival church cathedral monument square street district suburb farm '
 'fishermen boats coast lighthouse weather floods drought wildfire forest park mountain valley lake road tunnel '
 'minister spokesman statement interview briefing evening address morning report residents families children elderly '
 'pensions wages taxes reform corruption investigation trial verdict appeal protest rally vote referendum coalition '
 'opposition government president prime cabinet diplomat embassy consulate visit delegation partners allies neighbours '
 'reconstruction damage rubble shelters generators heating fuel diesel supplies food medicine ambulance firefighters', ' ')) as w;

-- 5,000 paragraphs of 40-60 words; articles draw 8-12 of them.
create temporary table paragraphs as
with vocabulary as (select array_agg(w order by n) as a from words)
select p as n, initcap(string_agg(v.a[1 + floor(random() * array_length(v.a, 1))::int], ' ' order by k)) || '.' as text
from vocabulary v, generate_series(1, 5000) p, generate_series(1, 40 + (p * 7919) % 21) k
group by p;

insert into places (id, slug, name, aliases, kind, parent_id, latitude, longitude, population, country_code, created_at, updated_at, version)
select md5('country' || c)::uuid, 'country-' || c, 'Country ' || c, array['Land ' || c], 'country', null,
       -50 + c * 5, -150 + c * 15, 1000000 * c, chr(65 + c) || chr(65 + c), now(), now(), 1
from generate_series(1, 20) c;
insert into places (id, slug, name, aliases, kind, parent_id, latitude, longitude, population, country_code, created_at, updated_at, version)
select md5('region' || c || '-' || r)::uuid, 'region-' || c || '-' || r, 'Region ' || c || '-' || r, '{}', 'region',
       md5('country' || c)::uuid, -50 + c * 5 + r * 0.3, -150 + c * 15 + r * 0.4, 100000 * r, chr(65 + c) || chr(65 + c), now(), now(), 1
from generate_series(1, 20) c, generate_series(1, 10) r;
insert into places (id, slug, name, aliases, kind, parent_id, latitude, longitude, population, country_code, created_at, updated_at, version)
select md5('town' || c || '-' || r || '-' || t)::uuid, 'town-' || c || '-' || r || '-' || t, 'Town ' || c || '-' || r || '-' || t,
       array['Towne ' || c || '-' || r || '-' || t], 'town', md5('region' || c || '-' || r)::uuid,
       -50 + c * 5 + r * 0.3 + random() * 0.25, -150 + c * 15 + r * 0.4 + random() * 0.35, (random() * 90000)::int + 1000,
       chr(65 + c) || chr(65 + c), now(), now(), 1
from generate_series(1, 20) c, generate_series(1, 10) r, generate_series(1, 20) t;

insert into people (id, slug, name, aliases, role, affiliation, description, created_at, updated_at, version)
select md5('person' || i)::uuid, 'person-' || i, 'Person ' || i, array['P. ' || i],
       (array['Mayor', 'Governor', 'Minister', 'Spokesperson', 'Resident', 'Engineer', 'Doctor'])[1 + i % 7],
       'Organisation ' || (i % 97), 'Generated person ' || i, now(), now(), 1
from generate_series(1, :people) i;

insert into articles (id, slug, headline, standfirst, body, source, byline, section, tags, language, status, published_at,
                      comments_open, created_at, updated_at, version)
select md5('article' || i)::uuid, 'article-' || i,
       initcap((select string_agg(w.w, ' ' order by k) from generate_series(1, 6) k
                 join words w on w.n = 1 + ((i * 7 + k * 13) % (select count(*) from words)))) || ' ' || i,
       'Standfirst of article ' || i || ': ' || (select text from paragraphs where n = 1 + (i * 31) % 5000),
       (select jsonb_agg(jsonb_build_object('type', 'paragraph', 'text', p.text) order by k)
          from generate_series(1, 8 + i % 5) k join paragraphs p on p.n = 1 + ((i * 101 + k * 977) % 5000)),
       'Masthead Wire', 'Reporter ' || (i % 50),
       (array['world', 'politics', 'economy', 'culture', 'sport', 'science', 'opinion', 'local', 'business', 'health'])[1 + i % 10],
       array['tag-' || (i % 200), 'tag-' || ((i * 7) % 200)] || case when i % 3 = 0 then array['tag-' || ((i * 13) % 200)] else '{}' end,
       'en',
       case when i % 20 = 0 then 'draft' when i % 20 = 1 then 'scheduled' else 'published' end,
       case when i % 20 = 0 then null
            when i % 20 = 1 then now() + (i % 30) * interval '1 day'
            else now() - (random() * 3 * 365) * interval '1 day' end,
       true, now(), now(), 1
from generate_series(1, :articles) i;

insert into article_people (article_id, position, person_id)
select md5('article' || i)::uuid, k, md5('person' || (1 + (i * 17 + k * 101) % :people))::uuid
from generate_series(1, :articles) i, generate_series(0, 1 + i % 2) k;

insert into article_places (article_id, position, place_id)
select md5('article' || i)::uuid, 0,
       md5('town' || (1 + i % 20) || '-' || (1 + (i / 20) % 10) || '-' || (1 + (i / 200) % 20))::uuid
from generate_series(1, :articles) i;

insert into quotes (id, text, speaker_id, article_id, context, channel, said_at, language, created_at, updated_at, version)
select md5('quote' || i || '-' || k)::uuid, (select text from paragraphs where n = 1 + (i * 53 + k * 7) % 5000),
       md5('person' || (1 + (i * 17 + k * 101) % :people))::uuid, md5('article' || i)::uuid,
       'in a statement', (array['Telegram', 'TV', 'Radio', 'Press conference'])[1 + k % 4],
       now() - (random() * 3 * 365) * interval '1 day', 'en', now(), now(), 1
from generate_series(1, :articles) i, generate_series(1, 4 + i % 3) k;
commit;

analyze;
