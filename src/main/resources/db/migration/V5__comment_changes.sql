-- Comments join the change feed (V3's changes_record treats an approved comment on a visible article as public).
create constraint trigger comments_changes after insert or update or delete on comments
    deferrable initially deferred for each row execute function changes_record();
