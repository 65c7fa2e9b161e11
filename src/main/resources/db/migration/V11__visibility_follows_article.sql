-- What anonymous callers see of quotes, comments and related-article blocks follows the visibility of
-- the article they hang off. When that visibility changes, their validators and change-feed entries
-- change with it.

-- Visible to anonymous callers now, by the database's clock (the rule of Visibility.publicArticleSql).
create function masthead_visible(status text, published_at timestamptz) returns boolean language sql stable as $$
    select status = 'published' or (status = 'scheduled' and published_at <= now())
$$;

-- A quote shows its articleId only while the article is visible: when an article becomes visible or
-- hidden by a write (publish, unpublish, archive, reschedule), each of its quotes gets a new version,
-- so its ETag changes and the change feed reports it (quotes_changes). Deleting an article already
-- does this in ArticleService.delete. A scheduled article that comes due changes no row: see
-- changes_publish_due below and QuoteResource for the ETag.
create function quotes_follow_article_visibility() returns trigger language plpgsql as $$
begin
    if masthead_visible(old.status, old.published_at) is distinct from masthead_visible(new.status, new.published_at) then
        update quotes set version = version + 1, updated_at = date_trunc('milliseconds', now()) where article_id = new.id;
    end if;
    return null;
end $$;

create trigger articles_quote_versions after update on articles for each row
    when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function quotes_follow_article_visibility();

-- An approved comment is public only while its article is visible (changes_public_state), but no
-- comment row changes when the article is unpublished or published again. At commit, after the
-- article's own entry (trigger names sort after articles_changes), each approved comment whose last
-- public entry disagrees with the article's visibility gets one: 'delete' when the article is hidden
-- (only if the comment had been announced), 'upsert' when visible. Editors' view of a comment does not
-- change, so op stays null. No code path writes an article's status and one of its comments in the
-- same transaction (changes_record makes one entry per row and transaction).
-- changes_reconcile_comments(null) does the same for every article: run once below, so that the
-- comments earlier versions left announced on hidden articles (or never announced) are set right.
create function changes_reconcile_comments(only_article uuid) returns bigint language plpgsql as $$
declare
    ts timestamptz;
    n bigint;
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    ts := clock_timestamp();
    with wanted as (
        select c.id, c.created_at,
               case when (select visible from changes_public_state('articles', c.article_id, ts)) then 'upsert'
                    else 'delete' end as op
        from comments c
        where c.status = 'approved' and (only_article is null or c.article_id = only_article)
    ), due as (
        select w.id, w.op from wanted w
        where coalesce((select l.public_op from changes l
                        where l.collection = 'comments' and l.id = w.id and l.public_op is not null
                        order by l.seq desc limit 1), 'delete') <> w.op
        order by w.created_at, w.id
    )
    insert into changes (seq, collection, id, op, public_op, at)
    select nextval('changes_seq'), 'comments', id, null, op, ts from due;
    get diagnostics n = row_count;
    return n;
end $$;

create function changes_article_comments() returns trigger language plpgsql as $$
begin
    perform changes_reconcile_comments(new.id);
    return null;
end $$;

create constraint trigger articles_comment_changes after update on articles
    deferrable initially deferred for each row
    when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function changes_article_comments();

-- V3's changes_publish_due, plus: an article that comes due also brings its quotes (their articleId
-- becomes visible) and its approved comments into the anonymous feed, right after it, at its time.
-- Their version does not change (no row is written); the quote's ETag for anonymous callers says
-- whether the article is shown, so it changes all the same.
create or replace function changes_publish_due() returns integer language plpgsql as $$
declare
    n integer;
begin
    if not exists (select 1 from change_schedule where due_at <= clock_timestamp()) then
        return 0;
    end if;
    perform pg_advisory_xact_lock(changes_lock_key());
    with due as (
        delete from change_schedule where due_at <= clock_timestamp() returning collection, id, due_at
    ), announced as (
        select collection, id, due_at, id as article, 0 as k from due
        union all
        select 'quotes', q.id, d.due_at, d.id, 1 from due d join quotes q on q.article_id = d.id
        where d.collection = 'articles'
        union all
        select 'comments', c.id, d.due_at, d.id, 2 from due d join comments c on c.article_id = d.id and c.status = 'approved'
        where d.collection = 'articles'
    ), ordered as (
        select collection, id, due_at from announced order by due_at, article, k, id
    )
    insert into changes (seq, collection, id, op, public_op, at)
    select nextval('changes_seq'), collection, id, null, 'upsert', due_at from ordered;
    get diagnostics n = row_count;
    return n;
end $$;

-- What an anonymous caller's copy of an article depends on besides its own row: for each related
-- block naming an article, in body order, '1' when that article is visible now and '0' when not
-- (null: no such block); and the latest moment one of them was written, deleted or came due.
create function masthead_related_state(body jsonb, out visible text, out changed timestamptz) language sql stable as $$
    select string_agg(case when masthead_visible(r.status, r.published_at) then '1' else '0' end, '' order by x.n),
           max(greatest((select max(c.at) from changes c where c.collection = 'articles' and c.id = (x.b ->> 'articleId')::uuid),
                        case when r.status = 'scheduled' and masthead_visible(r.status, r.published_at) then r.published_at end))
    from jsonb_array_elements(body) with ordinality x(b, n)
    left join articles r on r.id = (x.b ->> 'articleId')::uuid
    where x.b -> 'articleId' is not null
$$;

select changes_reconcile_comments(null);
