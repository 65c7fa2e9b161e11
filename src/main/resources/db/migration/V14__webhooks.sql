-- Webhooks: subscriptions that push change-feed entries to a URL (news.masthead.webhooks).
--
-- The subscription itself (what admins edit) and its delivery cursor (what the delivery workers write) are two rows, so
-- that a worker holding the cursor row locked for the length of an HTTP attempt (SELECT ... FOR UPDATE SKIP LOCKED: each
-- attempt is made by exactly one instance, and a killed instance's lock goes with its connection) never blocks an edit.
create table webhooks (
    id              uuid primary key,
    url             text not null,
    events          text[] not null,
    scope           text not null check (scope in ('public', 'all')),
    active          boolean not null,
    -- AES-GCM under cms.webhooks.secret-key: base64(12-byte nonce || ciphertext with tag). Never sent after creation.
    secret_sealed   text not null,
    inactive_reason text,
    -- Set by replay and reactivation, taken over by the worker at its next attempt (the cursor row may be locked now).
    replay_after    bigint,
    resumed_at      timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         integer not null
);
create index webhooks_created_idx on webhooks (created_at, id);

-- No foreign key: deleting a webhook must not wait for a cursor row locked by an attempt in flight (nor deadlock with
-- it); the worker deletes a cursor whose webhook is gone.
create table webhook_cursors (
    webhook_id    uuid primary key,
    -- The last entry delivered (or passed over: not matching, or not for this scope).
    seq           bigint not null,
    -- Failed attempts at the entry after seq, when the next is due, since when it fails.
    attempts      integer not null default 0,
    retry_at      timestamptz,
    failing_since timestamptz,
    -- Bumped by each replay, so a replayed entry gets a webhook-id of its own (receivers deduplicate by it).
    generation    integer not null default 0,
    touched_at    timestamptz not null default now()
);

create table webhook_deliveries (
    id          bigserial primary key,
    webhook_id  uuid not null references webhooks (id) on delete cascade,
    seq         bigint,
    type        text not null,
    attempt     integer not null,
    status      integer,
    duration_ms integer not null,
    error       text,
    at          timestamptz not null
);
create index webhook_deliveries_webhook_idx on webhook_deliveries (webhook_id, id);
create index webhook_deliveries_at_idx on webhook_deliveries (at);

-- Wakes the delivery workers of every instance (LISTEN masthead_changes) when change-feed entries commit; NOTIFY is
-- sent at commit and folded per transaction, so a transaction of many changes wakes them once.
create function changes_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('masthead_changes', '');
    return null;
end $$;
create trigger changes_notify after insert on changes for each statement execute function changes_notify();
