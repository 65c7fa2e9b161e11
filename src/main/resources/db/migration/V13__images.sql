-- Images: photos and graphics as first-class records (images/). The metadata lives in `images`, the
-- untouched uploaded bytes apart in `image_originals`, so that list and record reads never touch the
-- bytes and one database backup holds everything. Renditions are computed on demand, never stored.

create table images (
    id           uuid primary key,
    filename     text,
    content_type text not null,
    bytes        bigint not null,
    width        integer not null,
    height       integer not null,
    sha256       text not null,
    standard_bytes bigint not null, -- length of the standard (feed enclosure) rendition, measured on upload
    alt          text,
    caption      text,
    credit       text,
    copyright    text,
    source       text,
    taken_at     timestamptz,
    focal_x      double precision not null default 0.5,
    focal_y      double precision not null default 0.5,
    place_id     uuid references places (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer not null,
    search       tsvector generated always as (to_tsvector('simple',
                     coalesce(alt, '') || ' ' || coalesce(caption, '') || ' ' || coalesce(credit, ''))) stored
);
create index images_created_idx on images (created_at, id);
create index images_search_idx on images using gin (search);
create index images_place_idx on images (place_id);

create table image_originals (
    image_id uuid primary key references images (id) on delete cascade,
    data     bytea not null
);
-- Already compressed: TOAST would spend CPU trying to shrink JPEG, PNG and WebP bytes for nothing.
alter table image_originals alter column data set storage external;

create table image_people (
    image_id  uuid not null references images (id) on delete cascade,
    position  integer not null,
    person_id uuid not null references people (id),
    primary key (image_id, position)
);
create index image_people_person_idx on image_people (person_id);

alter table articles add column lead_image_id uuid references images (id);
alter table articles add column lead_image_caption text;
alter table people add column image_id uuid references images (id);
create index people_image_idx on people (image_id) where image_id is not null;

-- Which images an article uses (its lead image and its image blocks), kept by the trigger below, so that
-- "is this image used, and by a visible article" is one index probe, and a used image cannot be deleted.
create table article_images (
    article_id uuid not null references articles (id) on delete cascade,
    image_id   uuid not null references images (id),
    primary key (article_id, image_id)
);
create index article_images_image_idx on article_images (image_id);

create function masthead_article_image_ids(lead uuid, body json) returns uuid[] language sql immutable as $$
    select coalesce(array_agg(distinct i), '{}') from (
        select lead as i where lead is not null
        union all
        select (b ->> 'imageId')::uuid from json_array_elements(coalesce(body, '[]')) b where b ->> 'imageId' is not null
    ) ids
$$;

create function article_images_sync() returns trigger language plpgsql as $$
begin
    delete from article_images where article_id = new.id;
    insert into article_images (article_id, image_id)
    select new.id, unnest(masthead_article_image_ids(new.lead_image_id, new.body));
    return null;
end $$;

create trigger articles_images after insert or update of lead_image_id, body on articles
    for each row execute function article_images_sync();
-- Articles that exist have no images yet; nothing to fill.

-- Anonymous callers may see an image while a visible article or any person uses it.
create function masthead_image_public(image uuid) returns boolean language sql stable as $$
    select exists (select 1 from article_images ai join articles a on a.id = ai.article_id
                   where ai.image_id = image and article_visible(a.status, a.published_at, now()))
        or exists (select 1 from people p where p.image_id = image)
$$;

-- Body blocks gain image blocks: keys in the API's order (the Block record) type, text, quoteId,
-- articleId, url, title, imageId, caption.
create or replace function masthead_block(b jsonb) returns text language sql immutable parallel safe as $$
    select '{"type":' || (b -> 'type')::text
        || coalesce(',"text":' || (b -> 'text')::text, '')
        || coalesce(',"quoteId":' || (b -> 'quoteId')::text, '')
        || coalesce(',"articleId":' || (b -> 'articleId')::text, '')
        || coalesce(',"url":' || (b -> 'url')::text, '')
        || coalesce(',"title":' || (b -> 'title')::text, '')
        || coalesce(',"imageId":' || (b -> 'imageId')::text, '')
        || coalesce(',"caption":' || (b -> 'caption')::text, '')
        || '}'
$$;

-- The change feed learns images: V12's changes_public_state with an images branch (public while used by a
-- visible article or a person; see masthead_image_public).
create or replace function changes_public_state(tbl text, row_id uuid, at_time timestamptz, out live boolean,
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
        visible := live and article_visible(st, pub, at_time);
        if live and article_embargoed(st, pub, at_time) then
            visible_from := pub;
        end if;
    elsif tbl = 'comments' then
        execute 'select status, article_id from comments where id = $1' into st, art using row_id;
        live := st is not null;
        visible := live and st = 'approved' and exists (
            select 1 from articles a where a.id = art and article_visible(a.status, a.published_at, at_time));
    elsif tbl = 'images' then
        live := exists (select 1 from images where id = row_id);
        visible := live and masthead_image_public(row_id);
    else
        execute format('select exists (select 1 from %I where id = $1)', tbl) into live using row_id;
        visible := live;
    end if;
end $$;

create constraint trigger images_changes after insert or update or delete on images
    deferrable initially deferred for each row execute function changes_record();

-- An image's public visibility changes without a write to it when an article that uses it is published,
-- hidden, or starts or stops using it, or a person takes or drops it as portrait. At commit, each such image
-- whose last public entry disagrees with its visibility now gets one ('delete' only if it had been announced),
-- like V11 does for comments. Editors' view does not change: op stays null.
create function changes_reconcile_images(ids uuid[]) returns bigint language plpgsql as $$
declare
    ts timestamptz;
    n bigint;
begin
    if ids is null or cardinality(ids) = 0 then
        return 0;
    end if;
    perform pg_advisory_xact_lock(changes_lock_key());
    ts := clock_timestamp();
    with wanted as (
        select i.id, case when masthead_image_public(i.id) then 'upsert' else 'delete' end as op
        from images i where i.id = any (ids)
          -- an image written in this transaction gets its own entry from images_changes
          and not exists (select 1 from changes c where c.collection = 'images' and c.id = i.id and c.txid = pg_current_xact_id())
    ), due as (
        select w.id, w.op from wanted w
        where coalesce((select l.public_op from changes l
                        where l.collection = 'images' and l.id = w.id and l.public_op is not null
                        order by l.seq desc limit 1), 'delete') <> w.op
        order by w.id
    )
    insert into changes (seq, collection, id, op, public_op, at)
    select nextval('changes_seq'), 'images', id, null, op, ts from due;
    get diagnostics n = row_count;
    return n;
end $$;

create function changes_article_images() returns trigger language plpgsql as $$
begin
    perform changes_reconcile_images(
        (case when tg_op <> 'INSERT' then masthead_article_image_ids(old.lead_image_id, old.body) else '{}' end)
        || (case when tg_op <> 'DELETE' then masthead_article_image_ids(new.lead_image_id, new.body) else '{}' end));
    return null;
end $$;

create constraint trigger articles_image_changes after insert or update or delete on articles
    deferrable initially deferred for each row execute function changes_article_images();

create function changes_person_images() returns trigger language plpgsql as $$
begin
    perform changes_reconcile_images(array_remove(array[
        case when tg_op <> 'INSERT' then old.image_id end, case when tg_op <> 'DELETE' then new.image_id end], null));
    return null;
end $$;

create constraint trigger people_image_changes after insert or update or delete on people
    deferrable initially deferred for each row execute function changes_person_images();

-- V11's changes_publish_due, plus: an article that comes due also brings the images it uses into the
-- anonymous feed (those not announced already), right after it.
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
        union all
        select 'images', ai.image_id, d.due_at, d.id, 3 from due d join article_images ai on ai.article_id = d.id
        where d.collection = 'articles'
          and coalesce((select l.public_op from changes l where l.collection = 'images' and l.id = ai.image_id
                        and l.public_op is not null order by l.seq desc limit 1), 'delete') <> 'upsert'
    ), ordered as (
        select distinct on (collection, id) collection, id, due_at, article, k from announced order by collection, id, due_at
    )
    insert into changes (seq, collection, id, op, public_op, at)
    select nextval('changes_seq'), collection, id, null, 'upsert', due_at from ordered order by due_at, article, k, id;
    get diagnostics n = row_count;
    return n;
end $$;
