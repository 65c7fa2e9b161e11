-- An article's read (articles/ArticleJson) joins masthead_related_state for the state of the articles its body
-- names, and passes null when the body names none (nearly every article). The function is not inlined (it is
-- a record in FROM), so each call planned its body again: 142 catalog buffers and about 0.3 ms of the 1 ms
-- of SQL behind an uncached read, for nothing. STRICT returns null for null without planning anything.
alter function masthead_related_state(jsonb) strict;
