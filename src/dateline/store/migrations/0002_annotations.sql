-- 0002: what the annotators found (issue 3). Offsets (char_start, char_end) index into
-- articles.text; idx is the item's position in the article, so quotes can be referenced by figures.
ALTER TABLE articles ADD COLUMN annotated INTEGER;  -- annotate.ANNOTATOR_VERSION, NULL if not yet

CREATE TABLE sentences (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    date        TEXT,                -- TIMEX3 value of the date the sentence describes
    granularity TEXT,
    date_source TEXT,                -- own | inherited | published
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX sentences_date ON sentences (date);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL,
    canonical  TEXT NOT NULL,        -- the name the mention has in its article
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_canonical ON mentions (canonical, label);

CREATE TABLE times (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    idx         INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT NOT NULL,
    type        TEXT NOT NULL,
    granularity TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX times_value ON times (value);

CREATE TABLE quotes (
    article_id   TEXT NOT NULL REFERENCES articles(id),
    idx          INTEGER NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    speaker      TEXT,
    cue          TEXT,
    direct       INTEGER NOT NULL,
    anonymous    INTEGER NOT NULL,
    source_start INTEGER,
    source_end   INTEGER,
    cue_start    INTEGER,
    cue_end      INTEGER,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      REAL,
    low        REAL,
    high       REAL,
    qualifier  TEXT,
    unit       TEXT,
    subject    TEXT,
    date       TEXT,
    quote      INTEGER,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- Corpus-level entities, rebuilt from mentions after each ingest or annotate run: one row per
-- (name, label), with every surface form and per-article canonical name as an alias.
CREATE TABLE entities (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    label    TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    UNIQUE (name, label)
);
CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    alias     TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases (alias);
