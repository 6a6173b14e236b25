import type { Migration } from './migration.js';

/**
 * The analyst's work product: bookmarks (stars), tags and notes on events, notes on the case,
 * and saved timeline views. Each row says who made it and when (UTC ISO text).
 *
 * Work product is opinion about the evidence, not evidence: it changes as the investigation
 * does, so rows may be removed and notes edited, and none of it goes through the custody log.
 * The custody log records what happened *to the evidence* (acquired, opened, exported); filling
 * it with every star would bury those entries, and the author/time columns here already
 * attribute each piece of work. Events themselves are never touched.
 *
 * Tags are stored lower-case (the contract folds them) so one tag has one spelling. An event's
 * work product refers to it by row id; events are never deleted, so no cascade is needed.
 *
 * Also one index for the timeline (see below): additive, and built once when an older case opens.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'analyst-work',
  up(db) {
    db.exec(`
      CREATE TABLE bookmarks (
        event_id INTEGER PRIMARY KEY REFERENCES events (id),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE event_tags (
        event_id INTEGER NOT NULL REFERENCES events (id),
        tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64 AND tag = lower(tag)),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (event_id, tag)
      ) STRICT, WITHOUT ROWID;
      -- "events tagged X": the filter and the tag list start from the tag.
      CREATE INDEX event_tags_tag ON event_tags (tag, event_id);

      -- A note on one event, or on the case when event_id is NULL.
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        event_id INTEGER REFERENCES events (id),
        body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_event ON notes (event_id) WHERE event_id IS NOT NULL;

      -- The timeline's country facet and filter read this instead of the table: event rows carry
      -- their raw record, so scanning the table for one short column reads gigabytes on a big case.
      CREATE INDEX events_country_ts ON events (country, ts) WHERE country IS NOT NULL;

      -- A named timeline filter (the shared TimelineFilter as JSON), one per name.
      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
        filter TEXT NOT NULL CHECK (json_valid(filter) AND json_type(filter) = 'object'),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
