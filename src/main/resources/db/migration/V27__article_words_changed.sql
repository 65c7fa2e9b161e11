-- Which words an article change changed. A search ranks its matches with ts_rank (no length normalisation), which
-- for a query of one word, or words joined by OR, depends only on the weights of the matched words' entries in the
-- article's search vector, in position order; whether an article matches depends only on those words being there.
-- So a cached search page for such a query depends on the entries of its own words, not on every edit of every
-- article (a query joining words by AND or as a phrase depends on their positions, which an edit of earlier text
-- shifts: ReadCache gives those every text change). Each article change-feed entry now records `words`: the lexemes
-- whose entries (presence or weights) the transaction changed, null when it changed no text.
--
-- An update computes the lexemes from the vectors before and after it (only an AFTER trigger sees the generated
-- column) and parks them, per transaction and article, until the transaction's change-feed entry is written at
-- commit (V3's deferred triggers), which takes them: a rolled-back transaction's rows go with it.

alter table changes add column words text[];

create table article_words_pending (
    txid       xid8 not null default pg_current_xact_id(),
    article_id uuid not null,
    words      text[] not null
);
create index article_words_pending_idx on article_words_pending (txid, article_id);

-- The lexemes whose list of weights (in position order; absent: none) differs between two search vectors.
create function article_words_changed(before tsvector, after tsvector) returns text[] language sql immutable as $$
    select coalesce(array_agg(distinct lexeme order by lexeme), '{}')
    from ((select lexeme, weights from unnest(before) except select lexeme, weights from unnest(after))
          union all
          (select lexeme, weights from unnest(after) except select lexeme, weights from unnest(before))) d
$$;

create function articles_words_pending() returns trigger language plpgsql as $$
begin
    insert into article_words_pending (article_id, words) values (new.id, article_words_changed(old.search, new.search));
    return null;
end $$;

create trigger articles_words_pending after update on articles for each row
    when (old.search is distinct from new.search) execute function articles_words_pending();

-- V20's trigger on changes, which every writer of article entries goes through, now takes the parked words too.
create or replace function changes_listed() returns trigger language plpgsql as $$
begin
    new.listed := article_listed(new.id);
    with taken as (
        delete from article_words_pending where txid = pg_current_xact_id() and article_id = new.id returning words)
    select case when exists (select 1 from taken)
                then array(select distinct w from taken t cross join unnest(t.words) w order by w) end
    into new.words;
    return new;
end $$;
