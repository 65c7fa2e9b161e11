-- Hot read paths let PostgreSQL build the response JSON (articles/ArticleJson). These functions render
-- values byte for byte as the Java side (Jackson) does, so a resource reads the same whichever path
-- produced it.

-- An instant as java.time.Instant#toString writes it: UTC, 'Z', a fraction only when non-zero and
-- then in groups of three digits. s is to_char(..., 'YYYY-MM-DD"T"HH24:MI:SS.US').
create function masthead_iso(s text) returns text language sql immutable parallel safe as $$
    select case when right(s, 6) = '000000' then left(s, 19)
                when right(s, 3) = '000' then left(s, 23)
                else s end || 'Z'
$$;

create function masthead_instant(t timestamptz) returns text language sql stable parallel safe as $$
    select masthead_iso(to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'))
$$;

-- A double as JSON text the way Java writes it for a whole number below 10^7: 50.0, not 50.
create function masthead_double(x double precision) returns text language sql immutable parallel safe as $$
    select case when x = trunc(x) and abs(x) < 1e7 then trunc(x)::bigint || '.0' else x::text end
$$;

-- One stored body block (jsonb, whose keys come back sorted) with its keys in the API's order:
-- type, text, quoteId, articleId, url, title; absent keys stay absent.
create function masthead_block(b jsonb) returns text language sql immutable parallel safe as $$
    select '{"type":' || (b -> 'type')::text
        || coalesce(',"text":' || (b -> 'text')::text, '')
        || coalesce(',"quoteId":' || (b -> 'quoteId')::text, '')
        || coalesce(',"articleId":' || (b -> 'articleId')::text, '')
        || coalesce(',"url":' || (b -> 'url')::text, '')
        || coalesce(',"title":' || (b -> 'title')::text, '')
        || '}'
$$;

-- List totals are cached until the next write or until the next scheduled article comes due
-- (common/Totals); this finds that moment without scanning.
create index articles_scheduled_idx on articles (published_at) where status = 'scheduled';
