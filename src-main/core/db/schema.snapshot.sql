-- user_version = 5

CREATE INDEX collection_jobs_status ON collection_jobs (status);

CREATE INDEX collection_windows_job ON collection_windows (job_id, status);

CREATE INDEX collection_windows_parent ON collection_windows (split_parent) WHERE split_parent IS NOT NULL;

CREATE INDEX event_params_name_value ON event_params (name, value);

CREATE INDEX event_tags_tag ON event_tags (tag, event_id);

CREATE INDEX events_actor_ts ON events (actor, ts) WHERE actor IS NOT NULL;

CREATE INDEX events_app_ts ON events (app_id, ts) WHERE app_id IS NOT NULL;

CREATE INDEX events_correlation_ts ON events (correlation_id, ts) WHERE correlation_id IS NOT NULL;

CREATE INDEX events_country_ts ON events (country, ts) WHERE country IS NOT NULL;

CREATE INDEX events_ip_ts ON events (ip, ts) WHERE ip IS NOT NULL;

CREATE INDEX events_operation_ts ON events (operation, ts);

CREATE INDEX events_page ON events (page_id, position);

CREATE INDEX events_result_ts ON events (result, ts) WHERE result IS NOT NULL;

CREATE INDEX events_session_ts ON events (session_id, ts) WHERE session_id IS NOT NULL;

CREATE INDEX events_source_ts ON events (source, ts);

CREATE INDEX events_ts ON events (ts);

CREATE INDEX events_workload_ts ON events (workload, ts) WHERE workload IS NOT NULL;

CREATE INDEX job_log_job ON job_log (job_id, id);

CREATE INDEX notes_event ON notes (event_id) WHERE event_id IS NOT NULL;

CREATE INDEX raw_pages_job ON raw_pages (job_id) WHERE job_id IS NOT NULL;

CREATE INDEX raw_pages_window ON raw_pages (window_id) WHERE window_id IS NOT NULL;

CREATE INDEX snapshot_objects_kind ON snapshot_objects (kind, object_key);

CREATE TABLE bookmarks (
        event_id INTEGER PRIMARY KEY REFERENCES events (id),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE case_meta (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        case_id TEXT NOT NULL,
        name TEXT NOT NULL,
        examiner TEXT NOT NULL,
        tenant_label TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_with TEXT NOT NULL
      ) STRICT;

CREATE TABLE collection_jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        status TEXT NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'paused', 'complete', 'failed', 'cancelled')),
        progress_done INTEGER NOT NULL DEFAULT 0,
        progress_total INTEGER,
        progress_note TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      , source TEXT, runs INTEGER NOT NULL DEFAULT 0, started_at TEXT, finished_at TEXT, throttled_ms INTEGER NOT NULL DEFAULT 0, retries INTEGER NOT NULL DEFAULT 0, records_fetched INTEGER NOT NULL DEFAULT 0, records_stored INTEGER NOT NULL DEFAULT 0) STRICT;

CREATE TABLE collection_windows (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES collection_jobs (id),
        source TEXT NOT NULL,
        channel TEXT NOT NULL,
        filter TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filter)),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
        reported_total INTEGER,
        fetched INTEGER NOT NULL DEFAULT 0,
        stored_unique INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'running', 'complete', 'split', 'gap', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        split_parent INTEGER REFERENCES collection_windows (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE custody_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        examiner TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;

CREATE TABLE event_params (
        event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (event_id, name)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE event_tags (
        event_id INTEGER NOT NULL REFERENCES events (id),
        tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 64 AND tag = lower(tag)),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (event_id, tag)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        ts INTEGER NOT NULL,
        ts_source TEXT NOT NULL,
        source TEXT NOT NULL,
        raw_format TEXT NOT NULL,
        record_id TEXT NOT NULL,
        workload TEXT,
        record_type TEXT,
        operation TEXT NOT NULL,
        result TEXT CHECK (result IN ('success', 'failure', 'partial')),
        result_code TEXT,
        actor TEXT,
        actor_id TEXT,
        actor_type TEXT,
        ip TEXT,
        user_agent TEXT,
        app_id TEXT,
        app_name TEXT,
        target TEXT,
        session_id TEXT,
        correlation_id TEXT,
        country TEXT,
        city TEXT,
        asn INTEGER,
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params) AND json_type(params) = 'object'),
        raw TEXT NOT NULL,
        page_id INTEGER NOT NULL REFERENCES raw_pages (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        UNIQUE (source, record_id)
      ) STRICT;

CREATE VIRTUAL TABLE events_fts USING fts5 (
        operation, actor, target, user_agent, params, raw_text,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );

CREATE TABLE 'events_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'events_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'events_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'events_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE job_log (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES collection_jobs (id),
        at TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        message TEXT NOT NULL CHECK (length(message) > 0)
      ) STRICT;

CREATE TABLE mailbox_time_zones (
        mailbox TEXT PRIMARY KEY CHECK (mailbox = lower(mailbox) AND length(mailbox) > 0),
        windows_zone TEXT NOT NULL CHECK (length(windows_zone) > 0),
        page_id INTEGER REFERENCES raw_pages (id),
        collected_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        event_id INTEGER REFERENCES events (id),
        body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE page_rejects (
        page_id INTEGER NOT NULL REFERENCES raw_pages (id),
        position INTEGER NOT NULL CHECK (position >= 0),
        field TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (page_id, position)
      ) STRICT, WITHOUT ROWID;

CREATE TABLE raw_pages (
        id INTEGER PRIMARY KEY,
        job_id INTEGER REFERENCES collection_jobs (id),
        window_id INTEGER REFERENCES collection_windows (id),
        service TEXT NOT NULL,
        format TEXT NOT NULL,
        method TEXT NOT NULL,
        url TEXT NOT NULL,
        request_body TEXT,
        status INTEGER,
        received_at TEXT NOT NULL,
        account TEXT,
        tenant_id TEXT,
        client_id TEXT,
        file_path TEXT NOT NULL UNIQUE
          CHECK (file_path <> '' AND substr(file_path, 1, 1) <> '/' AND instr(file_path, '\') = 0
                 AND instr(file_path, ':') = 0 AND ('/' || file_path || '/') NOT LIKE '%/../%'),
        byte_size INTEGER NOT NULL CHECK (byte_size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        compression TEXT NOT NULL CHECK (compression IN ('none', 'gzip')),
        record_count INTEGER NOT NULL CHECK (record_count >= 0)
      ) STRICT;

CREATE TABLE readiness_runs (
        seq INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL UNIQUE,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        cloud TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        account TEXT NOT NULL,
        client_id TEXT NOT NULL,
        results TEXT NOT NULL CHECK (json_valid(results)),
        results_sha256 TEXT NOT NULL
      ) STRICT;

CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
        filter TEXT NOT NULL CHECK (json_valid(filter) AND json_type(filter) = 'object'),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

CREATE TABLE snapshot_objects (
        id INTEGER PRIMARY KEY,
        job_id INTEGER NOT NULL REFERENCES collection_jobs (id),
        kind TEXT NOT NULL CHECK (length(kind) > 0),
        object_key TEXT NOT NULL CHECK (length(object_key) > 0),
        data TEXT NOT NULL CHECK (json_valid(data)),
        page_id INTEGER NOT NULL REFERENCES raw_pages (id),
        collected_at TEXT NOT NULL,
        UNIQUE (job_id, kind, object_key)
      ) STRICT;

CREATE TRIGGER case_meta_no_delete BEFORE DELETE ON case_meta
        BEGIN SELECT RAISE(ABORT, 'case_meta cannot be deleted'); END;

CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
        BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END;

CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
        BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END;

CREATE TRIGGER events_derive_delete AFTER DELETE ON events BEGIN
        DELETE FROM event_params WHERE event_id = old.id;
        DELETE FROM events_fts WHERE rowid = old.id;
      END;

CREATE TRIGGER events_derive_insert AFTER INSERT ON events BEGIN
        INSERT INTO event_params (event_id, name, value)
          SELECT new.id, key, CAST(value AS TEXT) FROM json_each(new.params);
        INSERT INTO events_fts (rowid, operation, actor, target, user_agent, params, raw_text)
          VALUES (new.id, new.operation, new.actor, new.target, new.user_agent,
            (SELECT group_concat(key || ' ' || value, ' ') FROM json_each(new.params)),
            (SELECT group_concat(value, ' ') FROM json_tree(new.raw) WHERE type = 'text'));
      END;

CREATE TRIGGER events_derive_update AFTER UPDATE OF operation, actor, target, user_agent, params ON events BEGIN
        DELETE FROM event_params WHERE event_id = old.id;
        INSERT INTO event_params (event_id, name, value)
          SELECT new.id, key, CAST(value AS TEXT) FROM json_each(new.params);
        DELETE FROM events_fts WHERE rowid = old.id;
        INSERT INTO events_fts (rowid, operation, actor, target, user_agent, params, raw_text)
          VALUES (new.id, new.operation, new.actor, new.target, new.user_agent,
            (SELECT group_concat(key || ' ' || value, ' ') FROM json_each(new.params)),
            (SELECT group_concat(value, ' ') FROM json_tree(new.raw) WHERE type = 'text'));
      END;

CREATE TRIGGER events_evidence_no_update BEFORE UPDATE OF source, record_id, raw, raw_format, page_id, position ON events
        BEGIN SELECT RAISE(ABORT, 'an event''s raw record and provenance cannot be changed'); END;

CREATE TRIGGER job_log_no_delete BEFORE DELETE ON job_log
        BEGIN SELECT RAISE(ABORT, 'job_log is append-only'); END;

CREATE TRIGGER job_log_no_update BEFORE UPDATE ON job_log
        BEGIN SELECT RAISE(ABORT, 'job_log is append-only'); END;

CREATE TRIGGER raw_pages_no_update BEFORE UPDATE ON raw_pages
        BEGIN SELECT RAISE(ABORT, 'raw_pages are evidence and cannot be changed'); END;

CREATE TRIGGER readiness_runs_no_delete BEFORE DELETE ON readiness_runs
        BEGIN SELECT RAISE(ABORT, 'readiness_runs is append-only'); END;

CREATE TRIGGER readiness_runs_no_update BEFORE UPDATE ON readiness_runs
        BEGIN SELECT RAISE(ABORT, 'readiness_runs is append-only'); END;

