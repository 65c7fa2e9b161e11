-- Article bodies are kept as json text exactly as the API writes them (compact, keys in the order of
-- the Block record), so reads copy a body out as it is. jsonb keeps neither key order nor spacing, and
-- rebuilding each block on every read cost more than the rest of the article. Existing rows are
-- rewritten into that form once.
create function masthead_body(body jsonb) returns text language sql immutable parallel safe as $$
    select '[' || coalesce(string_agg(masthead_block(b), ',' order by n), '') || ']'
    from jsonb_array_elements(body) with ordinality x(b, n)
$$;

alter table articles drop column search;
alter table articles alter column body drop default;
alter table articles alter column body type json using masthead_body(body)::json;
alter table articles alter column body set default '[]';
alter table articles add column search tsvector generated always as (
    setweight(to_tsvector('simple', headline), 'A')
    || setweight(to_tsvector('simple', coalesce(standfirst, '')), 'B')
    || setweight(to_tsvector('simple', jsonb_path_query_array(body::jsonb, '$[*].text')), 'C')) stored;
create index articles_search_idx on articles using gin (search);
