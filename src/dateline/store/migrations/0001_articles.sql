-- 0001: articles, their provenance, and the LSH index used for near-duplicate detection.
CREATE TABLE articles (
    id              TEXT PRIMARY KEY,           -- sha256 of normalized title + body, 16 hex chars
    title           TEXT,
    text            TEXT NOT NULL,              -- normalized body; all offsets index into it
    raw_text        TEXT NOT NULL,              -- as read, before normalization
    published       TEXT,                       -- YYYY-MM-DD
    published_at    TEXT,                       -- ISO 8601 with UTC offset, when a time is known
    date_rule       TEXT,                       -- metadata | header | dateline | caption | topline
    dateline_place  TEXT,
    dateline_agency TEXT,
    dateline_start  INTEGER,
    dateline_end    INTEGER,
    byline          TEXT,
    captions        TEXT NOT NULL DEFAULT '[]', -- JSON list of {text, credit}
    publisher       TEXT,
    url             TEXT,
    external_id     TEXT,
    duplicate_of    TEXT REFERENCES articles(id),
    similarity      REAL,
    signature       BLOB NOT NULL,              -- MinHash signature (see dedup.SCHEME)
    normalizer      INTEGER NOT NULL,           -- normalize.NORMALIZER_VERSION that produced it
    seq             INTEGER NOT NULL UNIQUE,    -- ingest order, for stable listings
    ingested_at     TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published, seq);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Every place an article was read from; re-reading the same record adds nothing.
CREATE TABLE provenance (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    path        TEXT NOT NULL,
    record      INTEGER NOT NULL DEFAULT -1,    -- -1: the file holds one document
    reader      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (article_id, path, record)
) WITHOUT ROWID;

CREATE TABLE lsh_bands (
    band       INTEGER NOT NULL,
    bucket     INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
