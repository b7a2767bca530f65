-- Sessions, shell generations, attach history and the transcript (issue 3).

CREATE TABLE sessions (
  id             text PRIMARY KEY,
  deployment_id  text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_attach_at timestamptz,
  last_detach_at timestamptz
);

CREATE TABLE shell_generations (
  session_id   text        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  generation   int         NOT NULL,
  started_at   timestamptz NOT NULL,
  ended_at     timestamptz,
  exit_code    int,
  start_offset bigint      NOT NULL,
  end_offset   bigint,
  PRIMARY KEY (session_id, generation)
);

CREATE TABLE attachments (
  id             bigserial PRIMARY KEY,
  session_id     text        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  client_id      text,
  remote_address text,
  user_agent     text,
  username       text,
  attached_at    timestamptz NOT NULL,
  detached_at    timestamptz,
  close_code     int,
  close_reason   text
);
CREATE INDEX attachments_by_time ON attachments (session_id, attached_at);

-- Transcript bytes. Output rows are keyed by their offset in the output stream, input rows by their
-- offset in the (separate) input stream. A row is formed once by the writer and never re-cut, so a
-- replay of the same row after an outage hits the primary key and is skipped (ON CONFLICT DO
-- NOTHING). No foreign key to sessions: an audit row must never be refused because the session
-- row has not been written yet.
CREATE TABLE transcript_chunks (
  session_id    text        NOT NULL,
  direction     char(1)     NOT NULL CHECK (direction IN ('o', 'i')),
  stream_offset bigint      NOT NULL CHECK (stream_offset >= 0),
  recorded_at   timestamptz NOT NULL,
  data          bytea       NOT NULL,
  PRIMARY KEY (session_id, direction, stream_offset)
);
CREATE INDEX transcript_chunks_by_time ON transcript_chunks (session_id, recorded_at);

-- Resize ('r': a = cols, b = rows) and exit ('x': a = exit code) events, placed in the output
-- stream by output_offset. event_id is strictly increasing per writer and seeded from the wall
-- clock in microseconds, so it stays unique across relay restarts and orders events at one offset.
CREATE TABLE transcript_events (
  session_id    text        NOT NULL,
  event_id      bigint      NOT NULL,
  kind          char(1)     NOT NULL CHECK (kind IN ('r', 'x')),
  output_offset bigint      NOT NULL CHECK (output_offset >= 0),
  recorded_at   timestamptz NOT NULL,
  a             int         NOT NULL,
  b             int         NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, event_id)
);
CREATE INDEX transcript_events_by_offset ON transcript_events (session_id, output_offset);
CREATE INDEX transcript_events_by_time ON transcript_events (session_id, recorded_at);
