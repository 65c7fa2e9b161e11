-- Before V11, unpublishing or archiving an article left its approved comments announced in the anonymous
-- change feed, and publishing it again did not announce them. changes_reconcile_comments() gives every
-- approved comment whose last public entry disagrees with its article's visibility now one entry that
-- agrees ('delete' only for a comment that had been announced), as V11's trigger does for one article at
-- a time; run once here, so that replaying the anonymous feed of an upgraded database yields exactly
-- the comments anonymous readers can see.
create function changes_reconcile_comments() returns bigint language plpgsql as $$
declare
    n bigint;
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    with wanted as (
        select c.id, c.created_at,
               case when (select visible from changes_public_state('articles', c.article_id, now())) then 'upsert'
                    else 'delete' end as op
        from comments c
        where c.status = 'approved'
    ), due as (
        select w.id, w.op from wanted w
        where coalesce((select l.public_op from changes l
                        where l.collection = 'comments' and l.id = w.id and l.public_op is not null
                        order by l.seq desc limit 1), 'delete') <> w.op
        order by w.created_at, w.id
    )
    insert into changes (seq, collection, id, op, public_op, at)
    select nextval('changes_seq'), 'comments', id, null, op, clock_timestamp() from due;
    get diagnostics n = row_count;
    return n;
end $$;

select changes_reconcile_comments();
