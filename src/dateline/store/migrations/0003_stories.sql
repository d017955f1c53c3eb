-- 0003: embeddings, stories and threads (issue 4).
CREATE TABLE embeddings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    model      TEXT NOT NULL,        -- embed.Embedder.name; vectors of other models are never compared
    vector     BLOB NOT NULL         -- float16, L2-normalized
) WITHOUT ROWID;
CREATE INDEX embeddings_model ON embeddings (model);

-- What the clusterer read from each article, so stories can be recomputed after a merge or split
-- without re-annotating.
CREATE TABLE story_features (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    event_date TEXT,
    terms      TEXT NOT NULL,        -- JSON {word: count}
    entities   TEXT NOT NULL         -- JSON {name: count}
) WITHOUT ROWID;

CREATE TABLE threads (
    id         TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL,     -- creation order
    title      TEXT NOT NULL,
    first_date TEXT,
    last_date  TEXT,
    size       INTEGER NOT NULL,     -- articles
    stories    INTEGER NOT NULL,
    state      BLOB NOT NULL         -- clustering state (centroid sum, term and name counts)
) WITHOUT ROWID;

CREATE TABLE stories (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL,
    thread_id   TEXT NOT NULL REFERENCES threads(id),
    title       TEXT NOT NULL,
    title_id    TEXT,                -- the article whose headline is the title
    first_date  TEXT,
    last_date   TEXT,
    size        INTEGER NOT NULL,
    merged_into TEXT,                -- set when a user merged this story into another one
    state       BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX stories_thread ON stories (thread_id);
CREATE INDEX stories_last ON stories (last_date);

CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id   TEXT NOT NULL REFERENCES stories(id),
    seq        INTEGER NOT NULL,     -- assignment order
    similarity REAL NOT NULL,        -- score against the story when it joined (1 for its founder)
    how        TEXT NOT NULL         -- founded | joined | duplicate | merged | split
) WITHOUT ROWID;
CREATE INDEX story_members_story ON story_members (story_id);

CREATE TABLE vocabulary (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- Users' merge and split decisions, in order, so they can be shown and replayed.
CREATE TABLE story_decisions (
    seq      INTEGER PRIMARY KEY,
    action   TEXT NOT NULL,          -- merge | split
    story_id TEXT NOT NULL,          -- the story kept (merge) or split
    other_id TEXT NOT NULL,          -- the story merged away (merge) or created (split)
    articles TEXT NOT NULL,          -- JSON list of the article ids moved
    at       TEXT NOT NULL
);
