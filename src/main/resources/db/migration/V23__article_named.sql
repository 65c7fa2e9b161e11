-- Every person an article names, with the article's publication time (article_named), kept at commit beside the tags
-- by date (V19) by the same sync, which V24 redefines with it: "the newest articles naming this person" is then one
-- walk of one index, as long as the page, as it is for a tag or a place. Finding a person's articles through
-- article_people read every one of them to sort them by date: at 100k articles, 60 for a bench person (303 buffers,
-- 0.24 ms of a 0.9 ms page), ten times that at 1M, and all of them for a person named every day.

create table article_named (
    person_id    uuid not null,
    article_id   uuid not null,
    published_at timestamptz,
    primary key (person_id, article_id)
);
create index article_named_published_idx on article_named (person_id, published_at desc nulls last, article_id desc);
create index article_named_article_idx on article_named (article_id);

insert into article_named (person_id, article_id, published_at)
select distinct ap.person_id, a.id, a.published_at from articles a join article_people ap on ap.article_id = a.id;
analyze article_named;
