-- Every person an article names, with the article's publication time (article_named), kept at commit beside the tags
-- by date (V19), by the same sync: "the newest articles naming this person" is then one walk of one index, as long as
-- the page, as it is for a tag or a place. Finding a person's articles through article_people read every one of them
-- to sort them by date: at 100k articles, 60 for a bench person (303 buffers, 0.24 ms of a 0.9 ms page), ten times
-- that at 1M, and all of them for a person named every day.

create table article_named (
    person_id    uuid not null,
    article_id   uuid not null,
    published_at timestamptz,
    primary key (person_id, article_id)
);
create index article_named_published_idx on article_named (person_id, published_at desc nulls last, article_id desc);
create index article_named_article_idx on article_named (article_id);

create or replace function article_listing_sync(aid uuid) returns void language sql as $$
    delete from article_tagged where article_id = aid;
    insert into article_tagged (tag, article_id, published_at)
    select distinct t, a.id, a.published_at from articles a, unnest(a.tags) t where a.id = aid;
    delete from article_named where article_id = aid;
    insert into article_named (person_id, article_id, published_at)
    select distinct ap.person_id, a.id, a.published_at from articles a join article_people ap on ap.article_id = a.id
    where a.id = aid;
    delete from article_links where article_id = aid;
    insert into article_links (article_id, version, rendered)
    select a.id, a.version, article_links_rendered(a.id) from articles a where a.id = aid;
$$;

create or replace function article_listing_rebuild() returns void language sql as $$
    truncate article_tagged, article_named, article_links;
    insert into article_tagged (tag, article_id, published_at)
    select distinct t, a.id, a.published_at from articles a, unnest(a.tags) t;
    insert into article_named (person_id, article_id, published_at)
    select distinct ap.person_id, a.id, a.published_at from articles a join article_people ap on ap.article_id = a.id;
    insert into article_links (article_id, version, rendered)
    select a.id, a.version, article_links_rendered(a.id) from articles a;
$$;

insert into article_named (person_id, article_id, published_at)
select distinct ap.person_id, a.id, a.published_at from articles a join article_people ap on ap.article_id = a.id;
analyze article_named;
