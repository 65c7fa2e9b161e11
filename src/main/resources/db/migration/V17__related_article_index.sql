-- Which articles a body's related blocks name, indexed, so that a change to an article finds the articles linking to
-- it in one index probe (webhooks/SurrogateKeys: an anonymous copy shows such a block only while its article is
-- visible, so those copies change with it).
create function masthead_related_ids(body json) returns uuid[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct (b ->> 'articleId')::uuid), '{}')
    from json_array_elements(coalesce(body, '[]')) b where b ->> 'articleId' is not null
$$;

create index articles_related_idx on articles using gin (masthead_related_ids(body));
