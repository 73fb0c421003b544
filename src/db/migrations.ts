/**
 * The schema, as an ordered list of migrations. Never edit one that has shipped: add the next.
 * Each runs in its own transaction and is recorded in schema_migrations (see migrate.ts).
 * Record bodies are jsonb checked by the zod schemas in src/promises/model.ts before they are
 * written; the other columns are copies of body fields, for indexes and queries.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'store',
    sql: `
CREATE TABLE promises (
  id text PRIMARY KEY,
  version integer NOT NULL DEFAULT 1,
  status text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  owner_platform text NOT NULL,
  owner_user_id text NOT NULL,
  due_at timestamptz NOT NULL,
  closed_at timestamptz,
  -- Moved out of the live file by the file store (archive/promises-YYYY-MM.jsonl); kept so export writes it back there.
  archived boolean NOT NULL DEFAULT false,
  request_key text,
  -- Earliest reminder still owed (from reminder-plan.ts), NULL when none; claims read this.
  next_reminder_at timestamptz,
  claimed_by text,
  claimed_until timestamptz,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX promises_request_key ON promises (request_key) WHERE request_key IS NOT NULL;
CREATE INDEX promises_open_by_owner ON promises (owner_platform, owner_user_id, due_at) WHERE status = 'open';
CREATE INDEX promises_open_by_due ON promises (due_at, id) WHERE status = 'open';
CREATE INDEX promises_closed_at ON promises (closed_at) WHERE status <> 'open';
CREATE INDEX promises_next_reminder ON promises (next_reminder_at) WHERE status = 'open' AND next_reminder_at IS NOT NULL;

-- Append-only audit of each promise's history entries (the body holds them too, for reading).
CREATE TABLE promise_history (
  promise_id text NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  event text NOT NULL,
  by_user text NOT NULL,
  entry jsonb NOT NULL,
  PRIMARY KEY (promise_id, seq)
);
CREATE INDEX promise_history_at ON promise_history (at);

CREATE TABLE person_settings (
  person_key text PRIMARY KEY,
  time_zone text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox: messages not delivered yet, retried by whichever replica claims them.
CREATE TABLE pending_deliveries (
  id text PRIMARY KEY,
  kind text NOT NULL,
  promise_id text,
  next_attempt_at timestamptz NOT NULL,
  claimed_by text,
  claimed_until timestamptz,
  body jsonb NOT NULL
);
CREATE INDEX pending_deliveries_due ON pending_deliveries (next_attempt_at);

-- Platform delivery ids already handled (Slack trigger_id / event_id), until they expire.
CREATE TABLE delivery_keys (
  key text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX delivery_keys_expiry ON delivery_keys (expires_at);

-- The anonymous /calm counter: one number per team day, nothing else.
CREATE TABLE calm_daily_counts (
  day date PRIMARY KEY,
  uses integer NOT NULL CHECK (uses >= 0)
);

-- Store-wide values, e.g. maskedWith (the masking rules version the stored text has been through).
CREATE TABLE store_meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'board',
    sql: `
-- The leads' board: one-time sign-in links and sessions, by the hash of their token (never the token).
CREATE TABLE board_sign_in_links (
  key text PRIMARY KEY,
  person jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX board_sign_in_links_expiry ON board_sign_in_links (expires_at);
CREATE TABLE board_sessions (
  key text PRIMARY KEY,
  person jsonb NOT NULL,
  csrf text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX board_sessions_expiry ON board_sessions (expires_at);

-- /script use per team day and script, and the gap report: masked queries, no names, kept 30 days.
CREATE TABLE knowledge_usage (
  day date NOT NULL,
  script_id text NOT NULL,
  opened integer NOT NULL DEFAULT 0,
  helped integer NOT NULL DEFAULT 0,
  not_helped integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, script_id)
);
CREATE TABLE knowledge_gaps (
  id bigserial PRIMARY KEY,
  day date NOT NULL,
  query text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('no-hit', 'not-helped')),
  script_id text
);
CREATE INDEX knowledge_gaps_day ON knowledge_gaps (day);

-- Review-date reminders already sent to approvers: one per script version.
CREATE TABLE review_reminders (
  script_id text NOT NULL,
  version integer NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (script_id, version)
);
`,
  },
  {
    version: 3,
    name: 'job-worker-heartbeats',
    sql: `
-- One row per running job-worker pool (graphile-worker, src/jobs), beaten every few seconds. A pool
-- whose row has gone stale is taken to have died: the live ones unlock its jobs and run them.
CREATE TABLE job_worker_heartbeats (
  worker_id text PRIMARY KEY,
  replica text NOT NULL,
  beat_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 4,
    name: 'board-session-flash',
    sql: `
-- The note a board form leaves for the next page ("… is done."), kept with the session so the
-- redirect may land on any replica.
ALTER TABLE board_sessions ADD COLUMN flash text;
`,
  },
  {
    version: 5,
    name: 'slack-uncertain-posts',
    sql: `
-- Slack posts that failed in a way that may have landed (delivery id @ channel), kept two days:
-- the next attempt, on any replica, looks in the channel before posting again.
CREATE TABLE slack_uncertain_posts (
  id text PRIMARY KEY,
  marked_at timestamptz NOT NULL
);
CREATE INDEX slack_uncertain_posts_marked ON slack_uncertain_posts (marked_at);
`,
  },
];
