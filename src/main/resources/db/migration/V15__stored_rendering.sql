-- An article's read (articles/ArticleJson) joins masthead_related_state for the state of the articles its body
-- names, and passes null when the body names none (nearly every article). The function is not inlined (it is
-- a record in FROM), so each call planned its body again: 142 catalog buffers and about 0.3 ms of the 1 ms
-- of SQL behind an uncached read, for nothing. STRICT returns null for null without planning anything.
alter function masthead_related_state(jsonb) strict;

-- Each row's JSON, rendered once when the row is written and stored on it, so that a read copies it instead of
-- building it from some sixty function calls per row (an uncached article read with includes spent most of its
-- SQL time there). A BEFORE trigger renders the new row on every insert and update, in the writing transaction,
-- so the stored text is exactly as current as the row, whoever writes it. It depends on the row alone: never on
-- the time (visibility stays a condition of each read) nor on other rows. The expressions are those of PersonJson,
-- PlaceJson, QuoteJson and ArticleJson (StoredRenderingTest checks that every row's stored text equals them).
-- Articles store two parts around what lives in other tables (personIds, placeIds, leadImage): the head (up to
-- commentsOpen) only when the body names no related article, since anonymous callers get such a body without
-- the blocks naming hidden articles, which depends on other rows and on the time; and the tail (createdAt,
-- updatedAt, version).
alter table people add column rendered text;
alter table places add column rendered text;
alter table quotes add column rendered text;
alter table articles add column rendered_head text, add column rendered_tail text;

create function person_rendered(p people) returns text language sql stable as $$
    select ('{"id":' || coalesce(to_json(p.id)::text, 'null') || ',"slug":' || coalesce(to_json(p.slug)::text, 'null') || ',"name":'
        || coalesce(to_json(p.name)::text, 'null') || ',"aliases":' || coalesce(to_json(p.aliases)::text, 'null') || ',"role":'
        || coalesce(to_json(p.role)::text, 'null') || ',"affiliation":' || coalesce(to_json(p.affiliation)::text, 'null')
        || ',"description":' || coalesce(to_json(p.description)::text, 'null') || ',"imageId":'
        || coalesce(to_json(p.image_id)::text, 'null') || ',"createdAt":' || coalesce('"' || masthead_instant(p.created_at)
        || '"', 'null') || ',"updatedAt":' || coalesce('"' || masthead_instant(p.updated_at) || '"', 'null') || ',"version":'
        || coalesce(to_json(p.version)::text, 'null') || '}')
$$;
create function place_rendered(pl places) returns text language sql stable as $$
    select ('{"id":' || coalesce(to_json(pl.id)::text, 'null') || ',"slug":' || coalesce(to_json(pl.slug)::text, 'null') || ',"name":'
        || coalesce(to_json(pl.name)::text, 'null') || ',"aliases":' || coalesce(to_json(pl.aliases)::text, 'null') || ',"kind":'
        || coalesce(to_json(pl.kind)::text, 'null') || ',"parentId":' || coalesce(to_json(pl.parent_id)::text, 'null') || ',"latitude":'
        || coalesce(masthead_double(pl.latitude), 'null') || ',"longitude":' || coalesce(masthead_double(pl.longitude), 'null')
        || ',"population":' || coalesce(to_json(pl.population)::text, 'null') || ',"countryCode":'
        || coalesce(to_json(pl.country_code)::text, 'null') || ',"createdAt":' || coalesce('"' || masthead_instant(pl.created_at)
        || '"', 'null') || ',"updatedAt":' || coalesce('"' || masthead_instant(pl.updated_at) || '"', 'null') || ',"version":'
        || coalesce(to_json(pl.version)::text, 'null') || '}')
$$;
create function quote_rendered(q quotes) returns text language sql stable as $$
    select ('{"id":' || coalesce(to_json(q.id)::text, 'null') || ',"text":' || coalesce(to_json(q.text)::text, 'null')
        || ',"speakerId":' || coalesce(to_json(q.speaker_id)::text, 'null') || ',"articleId":'
        || coalesce(to_json(q.article_id)::text, 'null') || ',"context":' || coalesce(to_json(q.context)::text, 'null') || ',"channel":'
        || coalesce(to_json(q.channel)::text, 'null') || ',"saidAt":' || coalesce('"' || masthead_instant(q.said_at) || '"', 'null')
        || ',"language":' || coalesce(to_json(q.language)::text, 'null') || ',"createdAt":' || coalesce('"'
        || masthead_instant(q.created_at) || '"', 'null') || ',"updatedAt":' || coalesce('"' || masthead_instant(q.updated_at)
        || '"', 'null') || ',"version":' || coalesce(to_json(q.version)::text, 'null') || '}')
$$;
create function article_rendered_head(a articles) returns text language sql stable as $$
    select case when strpos(a.body::text, '"articleId"') = 0 then '{' || ('"id":' || coalesce(to_json(a.id)::text, 'null') || ',"slug":'
        || coalesce(to_json(a.slug)::text, 'null') || ',"headline":' || coalesce(to_json(a.headline)::text, 'null') || ',"standfirst":'
        || coalesce(to_json(a.standfirst)::text, 'null') || ',"body":' || a.body::text || ',"source":'
        || coalesce(to_json(a.source)::text, 'null') || ',"byline":' || coalesce(to_json(a.byline)::text, 'null') || ',"section":'
        || coalesce(to_json(a.section)::text, 'null') || ',"tags":' || coalesce(to_json(a.tags)::text, 'null') || ',"language":'
        || coalesce(to_json(a.language)::text, 'null') || ',"status":' || coalesce(to_json(a.status)::text, 'null') || ',"publishedAt":'
        || coalesce('"' || masthead_instant(a.published_at) || '"', 'null') || ',"commentsOpen":'
        || coalesce(to_json(a.comments_open)::text, 'null')) end
$$;
create function article_rendered_tail(a articles) returns text language sql stable as $$
    select ',' || ('"createdAt":' || coalesce('"' || masthead_instant(a.created_at) || '"', 'null') || ',"updatedAt":' || coalesce('"'
        || masthead_instant(a.updated_at) || '"', 'null') || ',"version":' || coalesce(to_json(a.version)::text, 'null'))
$$;

create function people_render() returns trigger language plpgsql as $$
begin
    new.rendered := person_rendered(new);
    return new;
end $$;
create function places_render() returns trigger language plpgsql as $$
begin
    new.rendered := place_rendered(new);
    return new;
end $$;
create function quotes_render() returns trigger language plpgsql as $$
begin
    new.rendered := quote_rendered(new);
    return new;
end $$;
create function articles_render() returns trigger language plpgsql as $$
begin
    new.rendered_head := article_rendered_head(new);
    new.rendered_tail := article_rendered_tail(new);
    return new;
end $$;

-- Existing rows, with the tables' other triggers off: storing a rendering is no change of the content (no change-feed
-- entry, no new version, no counter to move).
alter table people disable trigger user;
update people p set rendered = person_rendered(p);
alter table people enable trigger user;
alter table places disable trigger user;
update places pl set rendered = place_rendered(pl);
alter table places enable trigger user;
alter table quotes disable trigger user;
update quotes q set rendered = quote_rendered(q);
alter table quotes enable trigger user;
alter table articles disable trigger user;
update articles a set rendered_head = article_rendered_head(a), rendered_tail = article_rendered_tail(a);
alter table articles enable trigger user;

create trigger people_render before insert or update on people for each row execute function people_render();
create trigger places_render before insert or update on places for each row execute function places_render();
create trigger quotes_render before insert or update on quotes for each row execute function quotes_render();
create trigger articles_render before insert or update on articles for each row execute function articles_render();
