-- The ids of the people and places an article names, stored as the JSON members its reads write
-- ("personIds":[…],"placeIds":[…]). Building them took two correlated subqueries per article, a third of the
-- statement behind a page of 20 (pgbench at 100k: 2,850 pages a second with them, 4,070 without). They live in
-- other rows, so V15's trigger on the article cannot store them: they are written at commit, by the deferred
-- refresh that keeps the counters (V9), after the transaction's last change of the article and its links. A read
-- inside the writing transaction, before that commit, finds the version stored beside them older than the
-- article's and builds them as before (ArticleJson): the API changes links only by editing the article, which
-- takes a new version (a person or place an article names cannot be deleted).

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

create function article_links_sync(aid uuid) returns void language sql as $$
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
    perform article_tagged_sync(aid);
    perform article_links_sync(aid);
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

-- As in V19, and the links.
create or replace function article_counts_rebuild() returns void language sql as $$
    truncate article_counts, article_counted, article_places_within, article_tagged, article_links;
    insert into article_counted (article_id, keys) select id, article_count_keys(id) from articles;
    insert into article_counts (status, dimension, value, n)
    select k.status, k.dimension, k.value, count(*) from article_counted, unnest(keys) k group by 1, 2, 3;
    insert into article_places_within (place_id, article_id, published_at)
    select distinct c, a.id, a.published_at from articles a join article_places ap on ap.article_id = a.id, place_containers(ap.place_id) c;
    insert into article_tagged (tag, article_id, published_at)
    select distinct t, a.id, a.published_at from articles a, unnest(a.tags) t;
    insert into article_links (article_id, version, rendered)
    select a.id, a.version, article_links_rendered(a.id) from articles a;
$$;

insert into article_links (article_id, version, rendered)
select a.id, a.version, article_links_rendered(a.id) from articles a;
