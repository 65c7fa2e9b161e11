-- Two more things kept at commit beside each article, by the deferred refresh of the counters (V9), under the change
-- feed's lock, after the transaction's last change of the article and its links.
--
-- Every tag of every article, with its publication time (article_tagged): "the newest articles with this tag" is
-- then one walk of one index, as long as the page, as article_places_within does for a place. Walking the archive by
-- date and testing each article's tags read 2,112 articles (3.4 ms) for a page of a tag on 1% of them, and 100 times
-- that for a tag on 0.01%; the GIN index on tags finds every match but in no order.
--
-- The ids of the people and places an article names, as the JSON members its reads write ("personIds":[…],
-- "placeIds":[…]; article_links). Building them took two correlated subqueries per article, a third of the statement
-- behind a page of 20 (pgbench at 100k: 2,850 pages a second with them, 4,070 without). They live in other rows, so
-- V15's trigger on the article cannot store them. A read inside the writing transaction, before the commit, finds the
-- version stored beside them older than the article's and builds them as before (ArticleJson): the API changes links
-- only by editing the article, which takes a new version (a person or place an article names cannot be deleted).

create table article_tagged (
    tag          text not null,
    article_id   uuid not null,
    published_at timestamptz,
    primary key (tag, article_id)
);
create index article_tagged_published_idx on article_tagged (tag, published_at desc nulls last, article_id desc);
create index article_tagged_article_idx on article_tagged (article_id);

create table article_links (
    article_id uuid primary key,
    version    integer not null, -- the article's when they were written
    rendered   text not null
);

create function article_links_rendered(aid uuid) returns text language sql stable as $$
    select '"personIds":' || (select '[' || coalesce(string_agg(coalesce(to_json(ap.person_id)::text, 'null'), ','
        order by ap.position), '') || ']' from article_people ap where ap.article_id = aid) || ',"placeIds":'
        || (select '[' || coalesce(string_agg(coalesce(to_json(ap.place_id)::text, 'null'), ',' order by ap.position), '')
        || ']' from article_places ap where ap.article_id = aid)
$$;

-- The article's tags and links as they are now (none once it is deleted).
create function article_listing_sync(aid uuid) returns void language sql as $$
    delete from article_tagged where article_id = aid;
    insert into article_tagged (tag, article_id, published_at)
    select distinct t, a.id, a.published_at from articles a, unnest(a.tags) t where a.id = aid;
    delete from article_links where article_id = aid;
    insert into article_links (article_id, version, rendered)
    select a.id, a.version, article_links_rendered(a.id) from articles a where a.id = aid;
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
    perform article_listing_sync(aid);
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

-- Every article's tags and links, for data loaded with the triggers off (bench/generate.sql) and for the rows that
-- exist when this migration runs.
create function article_listing_rebuild() returns void language sql as $$
    truncate article_tagged, article_links;
    insert into article_tagged (tag, article_id, published_at)
    select distinct t, a.id, a.published_at from articles a, unnest(a.tags) t;
    insert into article_links (article_id, version, rendered)
    select a.id, a.version, article_links_rendered(a.id) from articles a;
$$;
select article_listing_rebuild();
