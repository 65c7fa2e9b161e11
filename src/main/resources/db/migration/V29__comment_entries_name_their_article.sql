-- A comment's change-feed entry records, in `listed` (V20, V28), the article it is listed under: ReadCache then drops
-- that article's comment pages at a comment's change, not every article's. A deleted comment's entry has none (its
-- row is gone); the reader takes the one its entry before recorded, so the existing comments' latest entries are
-- given theirs here.

create or replace function record_listed(collection text, rid uuid) returns text language sql stable as $$
    select case collection
        when 'articles' then article_listed(rid)
        when 'people' then (select md5(row(p.slug, p.name, p.aliases)::text) from people p where p.id = rid)
        when 'places' then (select md5(row(p.slug, p.name, p.aliases, p.kind, p.parent_id, p.latitude, p.longitude)::text)
                            from places p where p.id = rid)
        when 'quotes' then (select md5(row(q.speaker_id, q.article_id, q.said_at)::text) from quotes q where q.id = rid)
        when 'comments' then (select cm.article_id::text from comments cm where cm.id = rid)
    end
$$;

drop trigger changes_listed on changes;
create trigger changes_listed before insert on changes for each row
    when (new.collection in ('articles', 'people', 'places', 'quotes', 'comments')) execute function changes_listed();

update changes c set listed = cm.article_id::text
from comments cm
where c.collection = 'comments' and cm.id = c.id
  and c.seq = (select max(p.seq) from changes p where p.collection = 'comments' and p.id = c.id);
