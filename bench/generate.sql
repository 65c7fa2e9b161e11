-- Deterministic bench data set, generated inside PostgreSQL (no client round trips).
-- Shape per the performance issue: articles with 8-12 paragraph bodies, 4-6 quotes each, people,
-- places in a 3-level hierarchy (country > region > town) with coordinates, tags, 3 years of dates.
--
-- Usage, on a database with the schema (content of the tables it fills is replaced):
--   psql ... -v articles=100000 -f bench/generate.sql     all phases, one after the other
-- or with K sessions at a time in the costly phases, as bench/run.sh does:
--   psql ... -v articles=N -v phase=prepare -f bench/generate.sql
--   psql ... -v articles=N -v phase=load  -v workers=K -v worker=W -f bench/generate.sql   (W = 0..K-1, together)
--   psql ... -v articles=N -v phase=index -v workers=K -v worker=W -f bench/generate.sql   (W = 0..K-1, together)
--   psql ... -v articles=N -v phase=finish -f bench/generate.sql
-- The schema bench_gen exists while a generation is unfinished; prepare starts it over.
--
-- Why it is fast (1M articles, 5M quotes in minutes rather than many hours):
--  * Rows are functions of their number: their text comes from small tables built once (5,000
--    paragraphs, the 5,000 distinct bodies, the distinct headlines) by hash join, not from
--    correlated subqueries per row; their random-looking dates are hashes of (seed, row number),
--    so the data does not depend on the plan or on how the rows are shared out between workers.
--    (The paragraphs and towns, made once, use the seeded random().)
--  * No triggers (session_replication_role = replica). The deferred change-feed trigger runs
--    several queries per row at commit; the feed is written set-based instead, as V3 does for
--    content that predates it. Foreign keys and the deferred unique constraints, whose per-row
--    checks are triggers too, hold by construction and are checked set-based by the finish phase.
--    Except the triggers that store each row's rendered JSON (V15), which production rows always have: they
--    are set to fire in replica mode too while a generation runs, so the data set is read the way a real one is.
--  * Secondary indexes are dropped before the load and rebuilt from their saved definitions.
--  * What remains is mostly the generated tsvector columns (PostgreSQL's text parser, about 1 us
--    a word, 500 words an article), hence the parallel load; then the GIN builds.
\set ON_ERROR_STOP on
\if :{?phase} \else \set phase all \endif
\if :{?workers} \else \set workers 1 \endif
\if :{?worker} \else \set worker 0 \endif
\set seed 20261126
\set people (:articles / 20 + 50)
select :'phase' in ('all', 'prepare') as prepare, :'phase' in ('all', 'load') as load,
       :'phase' in ('all', 'index') as index, :'phase' in ('all', 'finish') as finish \gset

set client_min_messages = warning;
set session_replication_role = replica;   -- no triggers, see above (the connection is a superuser's)
set synchronous_commit = off;             -- nothing to wait for: an interrupted generation starts over
set max_parallel_workers_per_gather = 0;  -- one random() stream in prepare, so the same seed gives the same data
set work_mem = '256MB';                   -- hash joins and sorts stay in memory
set maintenance_work_mem = '2GB';         -- b-tree builds sort in memory (GIN: see the index phase)

\if :prepare
begin;
create schema if not exists bench_gen;
create table if not exists bench_gen.indexes (name text primary key, table_name text not null, definition text not null);
-- Start over. An unfinished generation has already dropped the indexes it saved, keep those.
truncate articles, quotes, people, places, article_people, article_places, changes, change_schedule, article_counts, article_counted, article_places_within, article_tagged, article_named, article_rendered cascade;

-- Secondary indexes of the filled tables (all but those of primary keys and unique constraints):
-- saved, dropped, rebuilt by the index phase; much cheaper than updating them row by row.
insert into bench_gen.indexes (name, table_name, definition)
select i.indexrelid::regclass::text, i.indrelid::regclass::text, pg_get_indexdef(i.indexrelid)
from pg_index i
where i.indrelid in ('articles'::regclass, 'quotes'::regclass, 'people'::regclass, 'places'::regclass,
                     'article_people'::regclass, 'article_places'::regclass, 'changes'::regclass, 'change_schedule'::regclass)
  and not exists (select from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
on conflict (name) do nothing;
select format('drop index if exists %s', name) from bench_gen.indexes order by name \gexec
-- The rendering triggers fire despite session_replication_role = replica (see above); finish sets them back.
alter table people enable always trigger people_render;
alter table places enable always trigger places_render;
alter table quotes enable always trigger quotes_render;
alter table articles enable always trigger articles_render;

-- One timestamp for all rows of the set (created_at, and the base of the 3 years of dates).
drop table if exists bench_gen.params;
create unlogged table bench_gen.params as select now() as generated_at;

-- A uniform number in [0, 1) from the seed, a stream name and a row key (for the load phase).
create or replace function bench_gen.uniform(seed bigint, stream text, key bigint) returns double precision
    language sql immutable parallel safe
    as $$ select (hashint8extended(key, seed + hashtext(stream)) & 9007199254740991)::double precision / 9007199254740992 $$;

drop table if exists bench_gen.words, bench_gen.paragraphs, bench_gen.bodies, bench_gen.headlines;
create unlogged table bench_gen.words as
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
select count(*) as words from bench_gen.words \gset

-- 5,000 paragraphs of 40-60 words; articles draw 8-12 of them, quotes one. They and the towns'
-- coordinates use random(), seeded, in this one session.
select setseed(:seed / 1e8) \g /dev/null
create unlogged table bench_gen.paragraphs as
with vocabulary as (select array_agg(w order by n) as a from bench_gen.words)
select p as n, initcap(string_agg(v.a[1 + floor(random() * array_length(v.a, 1))::int], ' ' order by k)) || '.' as text
from vocabulary v, generate_series(1, 5000) p, generate_series(1, 40 + (p * 7919) % 21) k
group by p;

-- Article i's body and standfirst paragraph depend only on r = i % 5000 (its paragraphs are numbered
-- (i * 101 + k * 977) % 5000 for k = 1..8 + i % 5, and (i * 31) % 5000), its headline words only on
-- r = i % (the number of words): each distinct one is built once.
-- A body is written as the API writes it (compact, "type" before "text"), in the type of the column
-- (jsonb, or json text kept as written).
alter table bench_gen.paragraphs add primary key (n);
select format_type(atttypid, atttypmod) as body_type from pg_attribute
where attrelid = 'articles'::regclass and attname = 'body' \gset
create unlogged table bench_gen.bodies as
select r, (select text from bench_gen.paragraphs where n = 1 + (r * 31) % 5000) as standfirst,
       cast((select '[' || string_agg('{"type":"paragraph","text":' || to_json(p.text) || '}', ',' order by k) || ']'
               from generate_series(1, 8 + r % 5) k join bench_gen.paragraphs p on p.n = 1 + ((r * 101 + k * 977) % 5000))
            as :body_type) as body
from generate_series(0, 4999) r;
create unlogged table bench_gen.headlines as
select r.r, initcap(string_agg(w.w, ' ' order by k)) as words
from generate_series(0, :words - 1) r(r)
cross join generate_series(1, 6) k
join bench_gen.words w on w.n = 1 + ((r.r * 7 + k * 13) % :words)
group by r.r;
analyze bench_gen.paragraphs, bench_gen.bodies, bench_gen.headlines;

-- 20 countries of 10 regions of 20 towns.
insert into places (id, slug, name, aliases, kind, parent_id, latitude, longitude, population, country_code, created_at, updated_at, version)
select md5('country' || c)::uuid, 'country-' || c, 'Country ' || c, array['Land ' || c], 'country', null,
       -50 + c * 5, -150 + c * 15, 1000000 * c, chr(65 + c) || chr(65 + c), t.generated_at, t.generated_at, 1
from bench_gen.params t, generate_series(1, 20) c;
insert into places (id, slug, name, aliases, kind, parent_id, latitude, longitude, population, country_code, created_at, updated_at, version)
select md5('region' || c || '-' || r)::uuid, 'region-' || c || '-' || r, 'Region ' || c || '-' || r, '{}', 'region',
       md5('country' || c)::uuid, -50 + c * 5 + r * 0.3, -150 + c * 15 + r * 0.4, 100000 * r, chr(65 + c) || chr(65 + c),
       t.generated_at, t.generated_at, 1
from bench_gen.params t, generate_series(1, 20) c, generate_series(1, 10) r;
insert into places (id, slug, name, aliases, kind, parent_id, latitude, longitude, population, country_code, created_at, updated_at, version)
select md5('town' || c || '-' || r || '-' || n)::uuid, 'town-' || c || '-' || r || '-' || n, 'Town ' || c || '-' || r || '-' || n,
       array['Towne ' || c || '-' || r || '-' || n], 'town', md5('region' || c || '-' || r)::uuid,
       -50 + c * 5 + r * 0.3 + random() * 0.25, -150 + c * 15 + r * 0.4 + random() * 0.35, (random() * 90000)::int + 1000,
       chr(65 + c) || chr(65 + c), t.generated_at, t.generated_at, 1
from bench_gen.params t, generate_series(1, 20) c, generate_series(1, 10) r, generate_series(1, 20) n;

insert into people (id, slug, name, aliases, role, affiliation, description, created_at, updated_at, version)
select md5('person' || i)::uuid, 'person-' || i, 'Person ' || i, array['P. ' || i],
       (array['Mayor', 'Governor', 'Minister', 'Spokesperson', 'Resident', 'Engineer', 'Doctor'])[1 + i % 7],
       'Organisation ' || (i % 97), 'Generated person ' || i, t.generated_at, t.generated_at, 1
from bench_gen.params t, generate_series(1, :people) i;

-- Their change-feed entries (see the load phase for why and how).
insert into changes (seq, collection, id, op, public_op, at)
select nextval('changes_seq'), collection, id, 'upsert', 'upsert', clock_timestamp()
from (select 1 as k, 'people' as collection, id from people
      union all
      select 2, 'places', id from places
      order by 1, 3) existing;
commit;
\endif

\if :load
-- This worker's share: articles lo..hi, with their links and quotes.
select :articles * :worker / :workers + 1 as lo, :articles * (:worker + 1) / :workers as hi,
       generated_at as t0 from bench_gen.params \gset
select count(*) as words from bench_gen.words \gset
begin;

-- 5% drafts, 5% scheduled, the rest published over the past 3 years. A scheduled article keeps
-- that status once its time has come, so most scheduled ones lie in the past like the published
-- ones; 50 (articles 1-1000) are still pending, up to 30 days ahead, as in a newsroom's queue.
-- Each new row also gets the change-feed entry the skipped trigger would have written, as
-- V3__changes.sql writes for content that predates it: 'upsert', public while the article is
-- visible to anonymous callers; a scheduled article is parked in change_schedule until due.
with article as (
    insert into articles (id, slug, headline, standfirst, body, source, byline, section, tags, language, status,
                          published_at, comments_open, created_at, updated_at, version)
    select md5('article' || i)::uuid, 'article-' || i, h.words || ' ' || i,
           'Standfirst of article ' || i || ': ' || b.standfirst, b.body,
           'Masthead Wire', 'Reporter ' || (i % 50),
           (array['world', 'politics', 'economy', 'culture', 'sport', 'science', 'opinion', 'local', 'business', 'health'])[1 + i % 10],
           array['tag-' || (i % 200), 'tag-' || ((i * 7) % 200)] || case when i % 3 = 0 then array['tag-' || ((i * 13) % 200)] else '{}' end,
           'en',
           case when i % 20 = 0 then 'draft' when i % 20 = 1 then 'scheduled' else 'published' end,
           case when i % 20 = 0 then null
                when i % 20 = 1 and i <= 1000 then :'t0'::timestamptz + (i % 30) * interval '1 day'
                else :'t0'::timestamptz - (bench_gen.uniform(:seed, 'published', i) * 3 * 365) * interval '1 day' end,
           true, :'t0', :'t0', 1
    from generate_series(:lo, :hi) i
    join bench_gen.bodies b on b.r = i % 5000
    join bench_gen.headlines h on h.r = i % :words
    returning id, status, published_at
), feed as (
    insert into changes (seq, collection, id, op, public_op, at)
    select nextval('changes_seq'), 'articles', id, 'upsert',
           case when article_visible(status, published_at, clock_timestamp()) then 'upsert' end,
           clock_timestamp()
    from article
)
insert into change_schedule (collection, id, due_at)
select 'articles', id, published_at from article where article_embargoed(status, published_at, clock_timestamp());

-- 2 or 3 people per article (distinct: the offsets k * 101 differ modulo :people), 1 town.
insert into article_people (article_id, position, person_id)
select md5('article' || i)::uuid, k, md5('person' || (1 + (i * 17 + k * 101) % :people))::uuid
from generate_series(:lo, :hi) i, generate_series(0, 1 + i % 2) k;

insert into article_places (article_id, position, place_id)
select md5('article' || i)::uuid, 0,
       md5('town' || (1 + i % 20) || '-' || (1 + (i / 20) % 10) || '-' || (1 + (i / 200) % 20))::uuid
from generate_series(:lo, :hi) i;

-- 4 to 6 quotes per article, and their change-feed entries.
with quote as (
    insert into quotes (id, text, speaker_id, article_id, context, channel, said_at, language, created_at, updated_at, version)
    select md5('quote' || i || '-' || k)::uuid, p.text,
           md5('person' || (1 + (i * 17 + k * 101) % :people))::uuid, md5('article' || i)::uuid,
           'in a statement', (array['Telegram', 'TV', 'Radio', 'Press conference'])[1 + k % 4],
           :'t0'::timestamptz - (bench_gen.uniform(:seed, 'said', i * 8 + k) * 3 * 365) * interval '1 day', 'en', :'t0', :'t0', 1
    from generate_series(:lo, :hi) i
    cross join lateral generate_series(1, 4 + i % 3) k
    join bench_gen.paragraphs p on p.n = 1 + (i * 53 + k * 7) % 5000
    returning id
)
insert into changes (seq, collection, id, op, public_op, at)
select nextval('changes_seq'), 'quotes', id, 'upsert', 'upsert', clock_timestamp() from quote;
commit;
\endif

\if :index
-- Each worker takes whole tables, so no two workers lock the same table: the largest ones a worker
-- each, the small rest the last worker. Per table: vacuum and analyze (statistics; the visibility
-- map for index-only scans and hint bits set now rather than by autovacuum and the first readers in
-- the middle of a benchmark), then its saved indexes. GIN builds are faster with a smaller
-- maintenance_work_mem (1M articles: 154 s at 256MB, 188 s at 2GB); b-trees sort in memory.
with tables as (
    select t.name, row_number() over (order by pg_total_relation_size(t.name::regclass) desc, t.name) - 1 as rank
    from unnest(array['articles', 'quotes', 'people', 'places', 'article_people', 'article_places', 'changes', 'change_schedule']) t(name)
), jobs as (
    select rank, 0 as step, format('vacuum analyze %s', name) as command from tables
    union all
    select t.rank, 1, format('set maintenance_work_mem = %L; %s', case when i.definition like '% USING gin %' then '256MB' else '2GB' end,
                             i.definition)
    from tables t join bench_gen.indexes i on i.table_name = t.name
)
select command from jobs
where least(rank, :workers - 1) = :worker
order by rank, step, command \gexec
\endif

\if :finish
begin;
select count(*) <> :articles as incomplete from articles \gset
\if :incomplete
do $$ begin raise exception 'generated data is incomplete: a load worker did not finish'; end $$;
\endif
-- The checks the skipped triggers would have made: every reference resolves, and no article
-- names a person or place twice. And every saved index is back.
do $$
begin
    if exists (select from places c left join places p on p.id = c.parent_id where c.parent_id is not null and p.id is null)
       or exists (select from article_people l left join articles a on a.id = l.article_id left join people p on p.id = l.person_id
                  where a.id is null or p.id is null)
       or exists (select from article_places l left join articles a on a.id = l.article_id left join places p on p.id = l.place_id
                  where a.id is null or p.id is null)
       or exists (select from quotes q left join articles a on a.id = q.article_id left join people p on p.id = q.speaker_id
                  where a.id is null or p.id is null) then
        raise exception 'generated data has a dangling reference';
    end if;
    if exists (select from article_people group by article_id, person_id having count(*) > 1)
       or exists (select from article_places group by article_id, place_id having count(*) > 1) then
        raise exception 'generated data links an article to the same person or place twice';
    end if;
    if exists (select from articles where rendered_tail is null) or exists (select from people where rendered is null)
       or exists (select from places where rendered is null) or exists (select from quotes where rendered is null) then
        raise exception 'a generated row has no stored rendering';
    end if;
    if exists (select from bench_gen.indexes where to_regclass(name) is null) then
        raise exception 'an index was not rebuilt';
    end if;
end $$;
-- The article counters (V9) the skipped triggers would have kept.
select article_counts_rebuild();
-- And the tags by date and the stored links (V19).
select article_listing_rebuild();
-- What each entry recorded of its record's place in its collection's lists (V20, V28, V29), as the skipped trigger would
-- have: an entry without it counts as a move at the record's next edit, which drops every cached list page it follows.
update changes set listed = record_listed(collection, id)
where collection in ('articles', 'people', 'places', 'quotes', 'comments');
alter table people enable trigger people_render;
alter table places enable trigger places_render;
alter table quotes enable trigger quotes_render;
alter table articles enable trigger articles_render;
drop schema bench_gen cascade;
commit;
\endif
