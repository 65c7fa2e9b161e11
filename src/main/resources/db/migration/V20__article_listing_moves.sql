-- Which article changes move lists. An article's place in a list by publication time (the default order) depends on
-- its status, publication time, tags, section, people and places; an edit of its headline, standfirst or body changes
-- only the pages that show it. Each change-feed entry of an article now records those fields as they were at commit
-- (listed, a digest), so a reader of the feed can tell an edit that moves the article into, out of or within such
-- lists (the digest differs from the one of the article's entry before) from one that does not (ReadCache then keeps
-- every list page that does not show the article). Set by a trigger on changes, so every writer of entries (V3's
-- changes_record, V11's and V13's reconcilers) gets it; at commit the links are final (the deferred triggers run
-- after the transaction's statements).

alter table changes add column listed text;

create function article_listed(aid uuid) returns text language sql stable as $$
    select md5(row(a.status, a.published_at, a.tags, a.section,
                   (select array_agg(ap.person_id order by ap.person_id) from article_people ap where ap.article_id = a.id),
                   (select array_agg(ap.place_id order by ap.place_id) from article_places ap where ap.article_id = a.id)
               )::text)
    from articles a where a.id = aid
$$;

create function changes_listed() returns trigger language plpgsql as $$
begin
    new.listed := article_listed(new.id);
    return new;
end $$;

create trigger changes_listed before insert on changes for each row when (new.collection = 'articles')
    execute function changes_listed();
