-- The article counters of V9, keyed by their text instead of a 64-bit hash of it. A hash of
-- caller-chosen text (a section, a tag) can be made to collide with another key, say a draft's
-- person key, and the public total of that section would then reveal how many hidden articles name
-- that person. A counter is now found by (status, dimension, value) itself: two keys are one counter
-- only when all three are equal.
--
-- Same triggers, same lock discipline, same article_places_within: only the key type changes, so the
-- functions that compute, compare and store keys are redefined and the counts rebuilt.

create type article_count_key as (status text, dimension text, value text);

drop table article_counts, article_counted;

create table article_counts (
    status    text   not null,
    dimension text   not null,  -- '' (every article), tag, section, person or place
    value     text   not null,  -- '' with dimension ''
    n         bigint not null,
    primary key (status, dimension, value)
);

create table article_counted (
    article_id   uuid primary key,
    keys         article_count_key[] not null,
    refreshed_in xid8
);

drop function article_count_keys(uuid);
drop function article_count_key(text, text, text);

-- The keys an article is counted under, in order; null when there is no such article.
create function article_count_keys(aid uuid) returns article_count_key[] language sql stable as $$
    with recursive up(id) as (
        select place_id from article_places where article_id = aid
        union
        select p.parent_id from places p join up on p.id = up.id where p.parent_id is not null
    ), a as (
        select status, tags, section from articles where id = aid
    )
    select array(
        select distinct row(a.status, d.dimension, d.value)::article_count_key from (
            select '' as dimension, '' as value
            union all select 'tag', t from unnest(a.tags) t
            union all select 'section', a.section where a.section is not null
            union all select 'person', person_id::text from article_people where article_id = aid
            union all select 'place', id::text from up
        ) d order by 1)
    from a
$$;

create or replace function article_counts_refresh(aid uuid) returns void language plpgsql as $$
declare
    before_keys article_count_key[];
    after_keys article_count_key[];
begin
    if exists (select from article_counted where article_id = aid and refreshed_in = pg_current_xact_id()) then
        return;
    end if;
    before_keys := coalesce((select keys from article_counted where article_id = aid), '{}');
    after_keys := article_count_keys(aid);
    perform article_places_within_sync(aid);
    if before_keys <> coalesce(after_keys, '{}') then
        insert into article_counts (status, dimension, value, n)
        select (k).status, (k).dimension, (k).value, sum(d)
        from (select unnest(before_keys) as k, -1 as d union all select unnest(coalesce(after_keys, '{}')), 1) c
        group by 1, 2, 3 having sum(d) <> 0
        on conflict (status, dimension, value) do update set n = article_counts.n + excluded.n;
    end if;
    if after_keys is null then
        delete from article_counted where article_id = aid;
    else
        insert into article_counted (article_id, keys, refreshed_in) values (aid, after_keys, pg_current_xact_id())
        on conflict (article_id) do update set keys = excluded.keys, refreshed_in = excluded.refreshed_in;
    end if;
end $$;

-- As in V9 (bench/generate.sql calls it after loading with the triggers off).
create or replace function article_counts_rebuild() returns void language sql as $$
    truncate article_counts, article_counted, article_places_within;
    insert into article_counted (article_id, keys) select id, article_count_keys(id) from articles;
    insert into article_counts (status, dimension, value, n)
    select k.status, k.dimension, k.value, count(*) from article_counted, unnest(keys) k group by 1, 2, 3;
    insert into article_places_within (place_id, article_id, published_at)
    with recursive up(article_id, id) as (
        select article_id, place_id from article_places
        union
        select up.article_id, p.parent_id from up join places p on p.id = up.id where p.parent_id is not null
    )
    select up.id, a.id, a.published_at from up join articles a on a.id = up.article_id;
$$;
select article_counts_rebuild();
