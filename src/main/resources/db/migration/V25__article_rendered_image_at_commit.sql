-- V24 stored again the articles an image leads from a trigger that ran as the image was updated, without the change
-- feed's lock that every other writer of article_rendered holds (V9, V19). An edit of the article committing meanwhile
-- took that lock, then waited for the image transaction's article_rendered row, while the image transaction waited
-- for the lock at its own commit: a deadlock, one of the two edits lost (StoredRenderingTest). The image's articles
-- are now stored again at its commit, under the lock, like the counters and the listings: the two commits take turns,
-- and the later one renders what both wrote.

drop trigger images_rendered_articles on images;

create or replace function article_rendered_image_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(changes_lock_key());
    perform article_rendered_sync(ai.article_id)
    from article_images ai join articles a on a.id = ai.article_id
    where ai.image_id = new.id and a.lead_image_id = new.id;
    return null;
end $$;

create constraint trigger images_rendered_articles after update on images deferrable initially deferred
    for each row when (old.version is distinct from new.version) execute function article_rendered_image_changed();
