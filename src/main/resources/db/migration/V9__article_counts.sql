-- Exact article totals without counting rows. Counting the visible articles of a 1M archive read
-- 950,000 rows on every first read of a list; these counters answer with a few index probes.
--
-- And every place an article is in, with its publication time (article_places_within): "the newest
-- articles in this region" is then one walk of one index, as long as the page, however small the
-- region's share of a large archive. Walking the archive by date and probing each article's places
-- read 6,807 articles for one page at 1M.
--
-- An article is counted under keys: its status alone, and its status with each of its tags, its
-- section, each person it names and each place it is in (the places it names and every place that
-- contains them, once each, so a region counts an article naming two of its towns once). A key is a
-- 64-bit hash of that text. article_counted keeps the keys each article is counted under, so a change
-- takes back exactly what the article added before.
--
-- Both are brought up to date at commit, by deferred triggers that take the change feed's
-- lock first (changes_lock_key(), see V3): counter rows are only ever written under that lock, so
-- two commits never wait for each other's counter rows, and at commit the article's final state is
-- what gets counted, whatever the transaction did to it on the way.

create table article_counts (
    key bigint primary key,
    n   bigint not null
);

create table article_counted (
    article_id   uuid primary key,
    keys         bigint[] not null,
    refreshed_in xid8  -- the transaction whose commit last counted the article (null: counted by a rebuild)
);

create table article_places_within (
    place_id     uuid not null,
    article_id   uuid not null,
    published_at timestamptz,
    primary key (place_id, article_id)
);
create index article_places_within_published_idx
    on article_places_within (place_id, published_at desc nulls last, article_id desc);
create index article_places_within_article_idx on article_places_within (article_id);

create function article_count_key(status text, dimension text, value text) returns bigint
    language sql immutable parallel safe
    return hashtextextended(status || '|' || dimension || '|' || coalesce(value, ''), 0);

-- The keys an article is counted under, in order; null when there is no such article.
create function article_count_keys(aid uuid) returns bigint[] language sql stable as $$
    with recursive up(id) as (
        select place_id from article_places where article_id = aid
        union
        select p.parent_id from places p join up on p.id = up.id where p.parent_id is not null
    ), a as (
        select status, tags, section from articles where id = aid
    )
    select array(
        select distinct article_count_key(a.status, d.dimension, d.value) from (
            select '' as dimension, null::text as value
            union all select 'tag', t from unnest(a.tags) t
            union all select 'section', a.section where a.section is not null
            union all select 'person', person_id::text from article_people where article_id = aid
            union all select 'place', id::text from up
        ) d order by 1)
    from a
$$;

-- The places the article is in, as the article_places_within rows of it.
create function article_places_within_sync(aid uuid) returns void language sql as $$
    delete from article_places_within where article_id = aid;
    insert into article_places_within (place_id, article_id, published_at)
    with recursive up(id) as (
        select place_id from article_places where article_id = aid
        union
        select p.parent_id from places p join up on p.id = up.id where p.parent_id is not null
    )
    select up.id, a.id, a.published_at from up, articles a where a.id = aid;
$$;

-- Deferred triggers run at commit, after the transaction's last change, so the first refresh of an
-- article sees its final state: the others of that commit (one per person or place link it rewrote)
-- have nothing to add and return at once.
create function article_counts_refresh(aid uuid) returns void language plpgsql as $$
declare
    before_keys bigint[];
    after_keys bigint[];
begin
    if exists (select from article_counted where article_id = aid and refreshed_in = pg_current_xact_id()) then
        return;
    end if;
    before_keys := coalesce((select keys from article_counted where article_id = aid), '{}');
    after_keys := article_count_keys(aid);
    perform article_places_within_sync(aid);
    if before_keys <> coalesce(after_keys, '{}') then
        insert into article_counts (key, n)
        select k, sum(d) from (select unnest(before_keys) as k, -1 as d union all select unnest(coalesce(after_keys, '{}')), 1) c
        group by k having sum(d) <> 0
        on conflict (key) do update set n = article_counts.n + excluded.n;
    end if;
    if after_keys is null then
        delete from article_counted where article_id = aid;
    else
        insert into article_counted (article_id, keys, refreshed_in) values (aid, after_keys, pg_current_xact_id())
        on conflict (article_id) do update set keys = excluded.keys, refreshed_in = excluded.refreshed_in;
    end if;
end $$;

create function article_counts_article_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    perform article_counts_refresh(coalesce(new.id, old.id));
    return null;
end $$;

create function article_counts_link_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    perform article_counts_refresh(coalesce(new.article_id, old.article_id));
    return null;
end $$;

-- A place moved to another parent moves every article in it into and out of other places.
create function article_counts_place_moved() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    perform article_counts_refresh(l.article_id) from (
        with recursive down(id) as (
            select new.id
            union
            select p.id from places p join down on p.parent_id = down.id
        )
        select distinct article_id from article_places where place_id in (select id from down)
    ) l;
    return null;
end $$;

create constraint trigger articles_counts after insert or update or delete on articles
    deferrable initially deferred for each row execute function article_counts_article_changed();
create constraint trigger article_people_counts after insert or update or delete on article_people
    deferrable initially deferred for each row execute function article_counts_link_changed();
create constraint trigger article_places_counts after insert or update or delete on article_places
    deferrable initially deferred for each row execute function article_counts_link_changed();
create constraint trigger places_counts after update of parent_id on places
    deferrable initially deferred for each row when (old.parent_id is distinct from new.parent_id)
    execute function article_counts_place_moved();

-- Counts everything again and lists every article's places, for data loaded with the triggers off (bench/generate.sql) and for the rows
-- that exist when this migration runs.
create function article_counts_rebuild() returns void language sql as $$
    truncate article_counts, article_counted, article_places_within;
    insert into article_counted (article_id, keys) select id, article_count_keys(id) from articles;
    insert into article_counts (key, n) select k, count(*) from article_counted, unnest(keys) k group by k;
    insert into article_places_within (place_id, article_id, published_at)
    with recursive up(article_id, id) as (
        select article_id, place_id from article_places
        union
        select up.article_id, p.parent_id from up join places p on p.id = up.id where p.parent_id is not null
    )
    select up.id, a.id, a.published_at from up join articles a on a.id = up.article_id;
$$;
select article_counts_rebuild();

-- TRUNCATE fires no row triggers: count what is left again.
create function article_counts_truncated() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    perform article_counts_rebuild();
    return null;
end $$;
create trigger articles_counts_truncated after truncate on articles
    for each statement execute function article_counts_truncated();
create trigger article_people_counts_truncated after truncate on article_people
    for each statement execute function article_counts_truncated();
create trigger article_places_counts_truncated after truncate on article_places
    for each statement execute function article_counts_truncated();
