-- Two rules that earlier migrations and the Java side each wrote out several times now live here,
-- once each; every query, trigger and counter calls these functions (Java: articles/Visibility).
--
-- 1. Visible to anonymous readers. An article is visible when it is published, or scheduled and its
--    time (published_at) has come; drafts and archived articles never are. Nothing publishes a
--    scheduled article: the question is asked at read time, against `at`, which callers pass as the
--    database's clock (now(), or clock_timestamp() in commit triggers), never the JVM's, so that
--    instances whose clocks disagree still agree. Embargoed is the other half of the same rule:
--    scheduled, its time still ahead of `at`; it becomes visible at published_at. Visible is written
--    with it, so the two cannot drift; embargoed keeps its plain form, because that form is what
--    articles_scheduled_idx (V6) answers (the next article due, the embargoed articles of a counter).
--    Both are immutable SQL functions of their arguments, which the planner inlines: a query that
--    calls them is planned as if the condition were written out, on the same indexes.
-- 2. A place and everything inside it: the place and every place below it, any depth, by parent_id.
--    place_containers reads the same relation upwards (the place and every place it lies in): p is
--    in place_subtree(x) exactly when x is in place_containers(p). Lists (?place=), feeds and
--    counters all read article_places_within and the counters' place keys (V9, V10), which are
--    filled from place_containers; the places list's `within` walks place_subtree.

create function article_embargoed(status text, published_at timestamptz, at timestamptz) returns boolean
    language sql immutable parallel safe as $$
    select status = 'scheduled' and published_at is not null and published_at > at
$$;

create function article_visible(status text, published_at timestamptz, at timestamptz) returns boolean
    language sql immutable parallel safe as $$
    select status = 'published'
        or (status = 'scheduled' and published_at is not null and not article_embargoed(status, published_at, at))
$$;

create function place_subtree(root uuid) returns setof uuid language sql stable as $$
    with recursive sub(id) as (
        select root
        union
        select p.id from places p join sub on p.parent_id = sub.id
    )
    select id from sub
$$;

create function place_containers(place uuid) returns setof uuid language sql stable as $$
    with recursive up(id) as (
        select place
        union
        select p.parent_id from places p join up on p.id = up.id where p.parent_id is not null
    )
    select id from up
$$;

-- V3's changes_public_state (articles: the rule above; comments: approved, on a visible article).
create or replace function changes_public_state(tbl text, row_id uuid, at_time timestamptz, out live boolean,
                                                out visible boolean, out visible_from timestamptz)
language plpgsql stable as $$
declare
    st text;
    pub timestamptz;
    art uuid;
begin
    if tbl = 'articles' then
        select status, published_at into st, pub from articles where id = row_id;
        live := found;
        visible := live and article_visible(st, pub, at_time);
        if live and article_embargoed(st, pub, at_time) then
            visible_from := pub;
        end if;
    elsif tbl = 'comments' then
        execute 'select status, article_id from comments where id = $1' into st, art using row_id;
        live := st is not null;
        visible := live and st = 'approved' and exists (
            select 1 from articles a where a.id = art and article_visible(a.status, a.published_at, at_time));
    else
        execute format('select exists (select 1 from %I where id = $1)', tbl) into live using row_id;
        visible := live;
    end if;
end $$;

-- V11's users of masthead_visible, which article_visible replaces.
create or replace function quotes_follow_article_visibility() returns trigger language plpgsql as $$
begin
    if article_visible(old.status, old.published_at, now()) is distinct from article_visible(new.status, new.published_at, now()) then
        update quotes set version = version + 1, updated_at = date_trunc('milliseconds', now()) where article_id = new.id;
    end if;
    return null;
end $$;

create or replace function masthead_related_state(body jsonb, out visible text, out changed timestamptz) language sql stable as $$
    select string_agg(case when article_visible(r.status, r.published_at, now()) then '1' else '0' end, '' order by x.n),
           max(greatest((select max(c.at) from changes c where c.collection = 'articles' and c.id = (x.b ->> 'articleId')::uuid),
                        case when r.status = 'scheduled' and article_visible(r.status, r.published_at, now()) then r.published_at end))
    from jsonb_array_elements(body) with ordinality x(b, n)
    left join articles r on r.id = (x.b ->> 'articleId')::uuid
    where x.b -> 'articleId' is not null
$$;

drop function masthead_visible(text, timestamptz);

-- V10's article_count_keys, V9's article_places_within_sync and article_counts_place_moved, and V10's
-- article_counts_rebuild, with their places from place_containers / place_subtree. Same keys, same rows.
create or replace function article_count_keys(aid uuid) returns article_count_key[] language sql stable as $$
    with a as (
        select status, tags, section from articles where id = aid
    )
    select array(
        select distinct row(a.status, d.dimension, d.value)::article_count_key from (
            select '' as dimension, '' as value
            union all select 'tag', t from unnest(a.tags) t
            union all select 'section', a.section where a.section is not null
            union all select 'person', person_id::text from article_people where article_id = aid
            union all select 'place', c::text from article_places ap, place_containers(ap.place_id) c where ap.article_id = aid
        ) d order by 1)
    from a
$$;

create or replace function article_places_within_sync(aid uuid) returns void language sql as $$
    delete from article_places_within where article_id = aid;
    insert into article_places_within (place_id, article_id, published_at)
    select distinct c, a.id, a.published_at
    from articles a join article_places ap on ap.article_id = a.id, place_containers(ap.place_id) c
    where a.id = aid;
$$;

create or replace function article_counts_place_moved() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    perform article_counts_refresh(l.article_id) from (
        select distinct article_id from article_places where place_id in (select id from place_subtree(new.id) s(id))
    ) l;
    return null;
end $$;

create or replace function article_counts_rebuild() returns void language sql as $$
    truncate article_counts, article_counted, article_places_within;
    insert into article_counted (article_id, keys) select id, article_count_keys(id) from articles;
    insert into article_counts (status, dimension, value, n)
    select k.status, k.dimension, k.value, count(*) from article_counted, unnest(keys) k group by 1, 2, 3;
    insert into article_places_within (place_id, article_id, published_at)
    select distinct c, a.id, a.published_at from articles a join article_places ap on ap.article_id = a.id, place_containers(ap.place_id) c;
$$;
