-- Core content: people, places, articles and quotes.
-- Slugs use the "C" collation so that unique lookups and prefix searches (LIKE 'kyiv-%') use the index
-- whatever the server's default collation is.

create table people (
    id          uuid primary key,
    slug        text collate "C" not null unique,
    name        text not null,
    aliases     text[] not null default '{}',
    role        text,
    affiliation text,
    description text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     integer not null
);
create index people_name_idx on people (name, id);

create table places (
    id           uuid primary key,
    slug         text collate "C" not null unique,
    name         text not null,
    aliases      text[] not null default '{}',
    kind         text not null check (kind in ('country', 'region', 'city', 'town', 'village', 'area', 'other')),
    parent_id    uuid references places (id),
    latitude     double precision check (latitude between -90 and 90),
    longitude    double precision check (longitude between -180 and 180),
    population   bigint check (population >= 0),
    country_code text check (country_code ~ '^[A-Z]{2}$'),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer not null,
    check ((latitude is null) = (longitude is null))
);
create index places_parent_idx on places (parent_id);
create index places_name_idx on places (name, id);

create table articles (
    id            uuid primary key,
    slug          text collate "C" not null unique,
    headline      text not null,
    standfirst    text,
    body          jsonb not null default '[]',
    source        text,
    byline        text,
    section       text,
    tags          text[] not null default '{}',
    language      text not null default 'en',
    status        text not null default 'draft' check (status in ('draft', 'scheduled', 'published', 'archived')),
    published_at  timestamptz,
    comments_open boolean not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       integer not null,
    check (status <> 'scheduled' or published_at is not null)
);
create index articles_published_idx on articles (published_at desc nulls last, id desc);
create index articles_updated_idx on articles (updated_at, id);
create index articles_headline_idx on articles (headline, id);

-- Ordered links from an article to the people and places it is about.
create table article_people (
    article_id uuid not null references articles (id) on delete cascade,
    position   integer not null,
    person_id  uuid not null references people (id),
    primary key (article_id, position),
    unique (article_id, person_id) deferrable initially deferred
);
create index article_people_person_idx on article_people (person_id);

create table article_places (
    article_id uuid not null references articles (id) on delete cascade,
    position   integer not null,
    place_id   uuid not null references places (id),
    primary key (article_id, position),
    unique (article_id, place_id) deferrable initially deferred
);
create index article_places_place_idx on article_places (place_id);

create table quotes (
    id         uuid primary key,
    text       text not null,
    speaker_id uuid not null references people (id),
    article_id uuid references articles (id) on delete set null,
    context    text,
    channel    text,
    said_at    timestamptz,
    language   text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    integer not null
);
create index quotes_speaker_idx on quotes (speaker_id);
create index quotes_article_idx on quotes (article_id);
create index quotes_said_idx on quotes (said_at desc nulls last, id desc);
