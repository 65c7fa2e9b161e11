-- An article's whole JSON (its editors' copy, without includes and without the closing brace) kept at commit in a row
-- of its own, uncompressed and inline: a read sends it as it is stored. Put together at read time from the head (V15,
-- out of line since V21), the stored links (V19's article_links, which this replaces), the lead image and the tail, a
-- page of 20 took one toast fetch and three index probes per article, and PostgreSQL copied every piece into a new
-- text: pgbench -M prepared -c8 at 100k articles, the statement of the newest 20 with their total, 2,580-2,710 a
-- second; reading this table instead, 4,016 (PostgreSQL's serialization of the page 0.13 -> 0.04 ms). toast_tuple_target
-- keeps a row of up to 8 KB in the table's own page (an article's JSON is 5 KB in the bench data); a longer one goes
-- out of line, still uncompressed. (The same target on articles keeps no head inline: the row also holds the body and
-- the search vector, and the toaster moves the largest value out first.)
--
-- A row is current while its version is the article's and its lead_version is its lead image's (an image's caption,
-- alt text or file changes its version and the article's JSON, not the article's version); a read checks both and
-- builds the JSON itself otherwise (ArticleJson), as it does for an article whose body names a related article (no
-- stored head, V15: an anonymous copy leaves out blocks naming hidden articles) and inside the transaction that
-- changed the article, before the commit writes the row. An image's new version re-renders the articles it leads.

create table article_rendered (
    article_id   uuid primary key,
    version      integer not null, -- the article's when rendered
    lead_version integer,          -- its lead image's then; null without one
    rendered     text not null
) with (toast_tuple_target = 8160);
alter table article_rendered alter column rendered set storage external;

create function article_rendered_text(a articles) returns text language sql stable as $$
    select a.rendered_head || ',' || article_links_rendered(a.id) || ',"leadImage":' || coalesce((select '{"imageId":'
        || coalesce(to_json(i.id)::text, 'null') || ',"caption":'
        || coalesce(to_json(coalesce(a.lead_image_caption, i.caption))::text, 'null') || ',"url":'
        || coalesce(to_json('/api/v1/images/' || i.id || '/file?v=' || i.version)::text, 'null') || ',"width":'
        || coalesce(to_json(i.width)::text, 'null') || ',"height":' || coalesce(to_json(i.height)::text, 'null')
        || ',"alt":' || coalesce(to_json(i.alt)::text, 'null') || '}' from images i where i.id = a.lead_image_id), 'null')
        || a.rendered_tail
$$;

create function article_rendered_sync(aid uuid) returns void language sql as $$
    delete from article_rendered where article_id = aid;
    insert into article_rendered (article_id, version, lead_version, rendered)
    select a.id, a.version, i.version, article_rendered_text(a)
    from articles a left join images i on i.id = a.lead_image_id
    where a.id = aid and a.rendered_head is not null;
$$;

create or replace function article_listing_sync(aid uuid) returns void language sql as $$
    delete from article_tagged where article_id = aid;
    insert into article_tagged (tag, article_id, published_at)
    select distinct t, a.id, a.published_at from articles a, unnest(a.tags) t where a.id = aid;
    delete from article_named where article_id = aid;
    insert into article_named (person_id, article_id, published_at)
    select distinct ap.person_id, a.id, a.published_at from articles a join article_people ap on ap.article_id = a.id
    where a.id = aid;
    select article_rendered_sync(aid);
$$;

create or replace function article_listing_rebuild() returns void language sql as $$
    truncate article_tagged, article_named, article_rendered;
    insert into article_tagged (tag, article_id, published_at)
    select distinct t, a.id, a.published_at from articles a, unnest(a.tags) t;
    insert into article_named (person_id, article_id, published_at)
    select distinct ap.person_id, a.id, a.published_at from articles a join article_people ap on ap.article_id = a.id;
    insert into article_rendered (article_id, version, lead_version, rendered)
    select a.id, a.version, i.version, article_rendered_text(a)
    from articles a left join images i on i.id = a.lead_image_id
    where a.rendered_head is not null;
$$;

-- The articles an image leads, found through V13's article_images.
create function article_rendered_image_changed() returns trigger language plpgsql as $$
begin
    perform article_rendered_sync(ai.article_id)
    from article_images ai join articles a on a.id = ai.article_id
    where ai.image_id = new.id and a.lead_image_id = new.id;
    return null;
end $$;

create trigger images_rendered_articles after update on images
    for each row when (old.version is distinct from new.version) execute function article_rendered_image_changed();

drop table article_links;

insert into article_rendered (article_id, version, lead_version, rendered)
select a.id, a.version, i.version, article_rendered_text(a)
from articles a left join images i on i.id = a.lead_image_id
where a.rendered_head is not null;
analyze article_rendered;
