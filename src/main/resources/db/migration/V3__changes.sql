-- The change feed (GET /api/v1/changes): one entry per committed change of a tracked table.
--
-- Commit order. Every entry gets its seq at COMMIT time, not when the row is written: the triggers
-- below are deferred constraint triggers, so they run while the transaction commits, and the first
-- one takes a transaction-scoped advisory lock (changes_lock_key()) that is held until the commit
-- has finished. Two writing transactions therefore cannot interleave between "take seqs" and
-- "become visible": whoever takes seqs second does so after the first has committed (PostgreSQL
-- makes a commit visible before it releases the transaction's locks). So seq order is commit order,
-- and at every moment the committed entries form a prefix of the seq order (apart from gaps left by
-- transactions that failed after taking a seq, which stay gaps). A reader that continues after the
-- largest seq it has seen can never jump over an entry that commits later with a smaller seq: no
-- such entry can exist. The price is that the commit step of writing transactions is serialised
-- (a few milliseconds each, the WAL flush); content writes in a newsroom are far below that rate.
--
-- What anonymous callers see. `op` is the editors' view (null: an entry for anonymous callers
-- only), `public_op` the anonymous view (null: nothing to tell them). For articles, `public_op` is
-- 'upsert' while the article is visible and 'delete' when an article that was announced to them
-- stops being visible (unpublished, archived, rescheduled into the future, deleted). A scheduled
-- article whose time lies ahead is parked in change_schedule; changes_publish_due(), called by
-- the anonymous reader under the same lock, turns due rows into public 'upsert' entries with the
-- next seq. Both views share one sequence, so one cursor (a seq) works for both.

create sequence changes_seq;

create table changes (
    seq        bigint primary key,
    collection text not null,
    id         uuid not null,
    op         text check (op in ('upsert', 'delete')),
    public_op  text check (public_op in ('upsert', 'delete')),
    at         timestamptz not null,
    txid       xid8 not null default pg_current_xact_id(),
    check (op is not null or public_op is not null)
);
create index changes_item_idx on changes (collection, id, seq);
create index changes_public_idx on changes (seq) where public_op is not null;

create table change_schedule (
    collection text not null,
    id         uuid not null,
    due_at     timestamptz not null,
    primary key (collection, id)
);
create index change_schedule_due_idx on change_schedule (due_at);

create function changes_lock_key() returns bigint language sql immutable as $$ select 7361626173650001 $$;

-- Visibility to anonymous callers of the row `row_id` of `tbl` as it is now; null when it does
-- not exist. Articles: published, or scheduled whose time has come (ArticleService.VISIBLE).
-- Comments: approved, on a visible article. Everything else is public.
create function changes_public_state(tbl text, row_id uuid, at_time timestamptz, out live boolean,
                                     out visible boolean, out visible_from timestamptz)
language plpgsql stable as $$
declare
    st text;
    pub timestamptz;
    art uuid;
begin
    if tbl = 'articles' then
        select status, published_at into st, pub from articles where id = row_id;
        live := found;
        visible := live and (st = 'published' or (st = 'scheduled' and pub <= at_time));
        if live and st = 'scheduled' and pub > at_time then
            visible_from := pub;
        end if;
    elsif tbl = 'comments' then
        execute 'select status, article_id from comments where id = $1' into st, art using row_id;
        live := st is not null;
        visible := live and st = 'approved' and exists (
            select 1 from articles a where a.id = art
              and (a.status = 'published' or (a.status = 'scheduled' and a.published_at <= at_time)));
    else
        execute format('select exists (select 1 from %I where id = $1)', tbl) into live using row_id;
        visible := live;
    end if;
end $$;

-- The trigger function: generic over tables with a uuid `id` (collection = table name).
create function changes_record() returns trigger language plpgsql as $$
declare
    row_id uuid := coalesce(new.id, old.id);
    tbl text := tg_table_name;
    ts timestamptz;
    state record;
    editor_op text;
    last_public text;
    public_op text;
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    -- Several writes of one row in one transaction make one entry, describing the state at commit.
    if exists (select 1 from changes c where c.collection = tbl and c.id = row_id and c.txid = pg_current_xact_id()) then
        return null;
    end if;
    ts := clock_timestamp();
    select * into state from changes_public_state(tbl, row_id, ts);

    editor_op := case when state.live then 'upsert' end;
    if not state.live and exists (select 1 from changes c where c.collection = tbl and c.id = row_id and c.op is not null) then
        editor_op := 'delete';
    end if;

    select c.public_op into last_public from changes c
     where c.collection = tbl and c.id = row_id and c.public_op is not null
     order by c.seq desc limit 1;
    delete from change_schedule s where s.collection = tbl and s.id = row_id;
    if state.visible then
        public_op := 'upsert';
    elsif last_public = 'upsert' then
        public_op := 'delete';
    end if;
    if state.visible_from is not null then
        insert into change_schedule (collection, id, due_at) values (tbl, row_id, state.visible_from);
    end if;

    if editor_op is not null or public_op is not null then
        insert into changes (seq, collection, id, op, public_op, at)
        values (nextval('changes_seq'), tbl, row_id, editor_op, public_op, ts);
    end if;
    return null;
end $$;

-- Turns parked entries whose time has come into public 'upsert' entries (at = the time the
-- article became visible). Returns how many; cheap when none is due.
create function changes_publish_due() returns integer language plpgsql as $$
declare
    n integer;
begin
    if not exists (select 1 from change_schedule where due_at <= clock_timestamp()) then
        return 0;
    end if;
    perform pg_advisory_xact_lock(changes_lock_key());
    with due as (
        delete from change_schedule where due_at <= clock_timestamp() returning collection, id, due_at
    ), ordered as (
        select collection, id, due_at from due order by due_at, id
    )
    insert into changes (seq, collection, id, op, public_op, at)
    select nextval('changes_seq'), collection, id, null, 'upsert', due_at from ordered;
    get diagnostics n = row_count;
    return n;
end $$;

-- One line per tracked table (comments: the same line with "comments").
create constraint trigger articles_changes after insert or update or delete on articles
    deferrable initially deferred for each row execute function changes_record();
create constraint trigger people_changes after insert or update or delete on people
    deferrable initially deferred for each row execute function changes_record();
create constraint trigger places_changes after insert or update or delete on places
    deferrable initially deferred for each row execute function changes_record();
create constraint trigger quotes_changes after insert or update or delete on quotes
    deferrable initially deferred for each row execute function changes_record();

-- Content that exists before this migration is announced once, as it is now.
insert into changes (seq, collection, id, op, public_op, at)
select nextval('changes_seq'), collection, id, 'upsert', public_op, clock_timestamp()
from (
    select 1 as k, 'people' as collection, id, 'upsert' as public_op, created_at, id as o from people
    union all
    select 2, 'places', id, 'upsert', created_at, id from places
    union all
    select 3, 'articles', id,
           case when status = 'published' or (status = 'scheduled' and published_at <= clock_timestamp()) then 'upsert' end,
           created_at, id from articles
    union all
    select 4, 'quotes', id, 'upsert', created_at, id from quotes
    order by 1, 5, 6
) existing;
insert into change_schedule (collection, id, due_at)
select 'articles', id, published_at from articles where status = 'scheduled' and published_at > clock_timestamp();
