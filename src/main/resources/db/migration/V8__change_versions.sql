-- The read cache asks for the largest seq of each collection on every request (DataVersion), so
-- that comments, which readers post all day, do not evict cached articles, people, places and quotes.
create index changes_collection_seq_idx on changes (collection, seq);
