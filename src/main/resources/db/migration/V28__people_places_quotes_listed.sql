-- V20's `listed`, for people, places and quotes too: the fields that decide where a record stands in its
-- collection's lists (which filters match it, its place in their orders) and the slug a filter names it by, as they
-- were at commit. An edit of anything else (a person's description, a place's population, a quote's context) changes
-- only the pages that show the record, and ReadCache keeps the other list pages. A quote's text is left out: a search
-- of quotes still depends on every quote change. An article's slug joins its own digest, since a list of quotes
-- filtered by an article's slug follows a rename too. Entries written before this migration hold no digest of a
-- person, place or quote and an article's without its slug, so each record's next change counts as a move, once.

create or replace function article_listed(aid uuid) returns text language sql stable as $$
    select md5(row(a.slug, a.status, a.published_at, a.tags, a.section,
                   (select array_agg(ap.person_id order by ap.person_id) from article_people ap where ap.article_id = a.id),
                   (select array_agg(ap.place_id order by ap.place_id) from article_places ap where ap.article_id = a.id)
               )::text)
    from articles a where a.id = aid
$$;

-- Null for a deleted record: its entry differs from the one before, so a deletion moves it out of every list.
create function record_listed(collection text, rid uuid) returns text language sql stable as $$
    select case collection
        when 'articles' then article_listed(rid)
        when 'people' then (select md5(row(p.slug, p.name, p.aliases)::text) from people p where p.id = rid)
        when 'places' then (select md5(row(p.slug, p.name, p.aliases, p.kind, p.parent_id, p.latitude, p.longitude)::text)
                            from places p where p.id = rid)
        when 'quotes' then (select md5(row(q.speaker_id, q.article_id, q.said_at)::text) from quotes q where q.id = rid)
    end
$$;

create or replace function changes_listed() returns trigger language plpgsql as $$
begin
    new.listed := record_listed(new.collection, new.id);
    if new.collection = 'articles' then
        with taken as (
            delete from article_words_pending where txid = pg_current_xact_id() and article_id = new.id returning words)
        select case when exists (select 1 from taken)
                    then array(select distinct w from taken t cross join unnest(t.words) w order by w) end
        into new.words;
    end if;
    return new;
end $$;

drop trigger changes_listed on changes;
create trigger changes_listed before insert on changes for each row
    when (new.collection in ('articles', 'people', 'places', 'quotes')) execute function changes_listed();
