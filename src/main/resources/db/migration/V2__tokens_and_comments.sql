-- API tokens, reader comments and the per-address counter that rate-limits anonymous comments.

-- A token's secret is shown once, on creation; only its SHA-256 (lower-case hex) is kept.
-- Every authenticated request looks its token up by that hash: one probe of the unique index.
-- Revoking a token deletes its row, so the next request carrying it fails on every instance.
create table api_tokens (
    id          uuid primary key,
    name        text not null,
    role        text not null check (role in ('editor', 'admin')),
    secret_hash text collate "C" not null check (secret_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     integer not null
);
create unique index api_tokens_secret_hash_idx on api_tokens (secret_hash);
create index api_tokens_created_idx on api_tokens (created_at, id);

-- Comments go with their article. A reply belongs to the same article as its parent (checked by the
-- service); deleting a comment keeps its replies, which become top-level.
create table comments (
    id           uuid primary key,
    article_id   uuid not null references articles (id) on delete cascade,
    parent_id    uuid references comments (id) on delete set null,
    author_name  text not null,
    author_email text not null,
    body         text not null,
    status       text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'spam')),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer not null,
    check (parent_id is null or parent_id <> id)
);
-- The public list: one article's approved comments, oldest first.
create index comments_article_idx on comments (article_id, status, created_at, id);
-- The moderation queue: by status, oldest first.
create index comments_status_idx on comments (status, created_at, id);
create index comments_created_idx on comments (created_at, id);
create index comments_parent_idx on comments (parent_id);

-- Anonymous comment posts per client address and minute. Shared by every instance; rows of past
-- windows are pruned as new windows start.
create table comment_rate_windows (
    client       text not null,
    window_start timestamptz not null,
    hits         integer not null,
    primary key (client, window_start)
);
create index comment_rate_windows_start_idx on comment_rate_windows (window_start);
