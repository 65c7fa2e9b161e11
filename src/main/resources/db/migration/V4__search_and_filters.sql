-- Full-text search (websearch_to_tsquery over the 'simple' configuration: no stemming, any language)
-- and the indexes behind the list filters.

-- array_to_string is only STABLE (it consults type output functions); for text[] it is immutable in
-- practice, which generated columns require.
create function masthead_words(text[]) returns text
    language sql immutable parallel safe
    as $$ select coalesce(array_to_string($1, ' '), '') $$;

alter table articles add column search tsvector generated always as (
    setweight(to_tsvector('simple', headline), 'A')
    || setweight(to_tsvector('simple', coalesce(standfirst, '')), 'B')
    || setweight(to_tsvector('simple', jsonb_path_query_array(body, '$[*].text')), 'C')) stored;
create index articles_search_idx on articles using gin (search);
create index articles_tags_idx on articles using gin (tags);
create index articles_section_idx on articles (section, published_at desc, id desc);

alter table people add column search tsvector generated always as (
    to_tsvector('simple', name || ' ' || masthead_words(aliases))) stored;
create index people_search_idx on people using gin (search);

alter table places add column search tsvector generated always as (
    to_tsvector('simple', name || ' ' || masthead_words(aliases))) stored;
create index places_search_idx on places using gin (search);
create index places_coordinates_idx on places (latitude, longitude) where latitude is not null;
create index places_kind_idx on places (kind, name, id);

alter table quotes add column search tsvector generated always as (to_tsvector('simple', text)) stored;
create index quotes_search_idx on quotes using gin (search);
create index quotes_speaker_said_idx on quotes (speaker_id, said_at desc nulls last, id desc);
