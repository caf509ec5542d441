-- The job queue (pict-rs's job_queue, seed 003) with a run-after time for back-off and a
-- record of jobs that failed for good, kept for an operator.
CREATE TABLE job_queue
(
    id         uuid PRIMARY KEY,
    queue      text        NOT NULL,
    job        jsonb       NOT NULL,
    status     text        NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'running')),
    worker     uuid,
    queue_time timestamptz NOT NULL DEFAULT now(),
    run_after  timestamptz NOT NULL DEFAULT now(),
    heartbeat  timestamptz,
    unique_key text UNIQUE,
    retry      int         NOT NULL DEFAULT 5 CHECK (retry >= 0),
    attempts   int         NOT NULL DEFAULT 0,
    last_error text
);

-- claim: the oldest runnable job of a queue
CREATE INDEX job_queue_claim_idx ON job_queue (queue, queue_time) WHERE status = 'new';
-- sweep: running jobs by heartbeat age
CREATE INDEX job_queue_heartbeat_idx ON job_queue (heartbeat) WHERE status = 'running';

CREATE TABLE job_queue_failed
(
    id         uuid PRIMARY KEY,
    queue      text        NOT NULL,
    job        jsonb       NOT NULL,
    unique_key text,
    attempts   int         NOT NULL,
    last_error text,
    queue_time timestamptz NOT NULL,
    failed_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX job_queue_failed_at_idx ON job_queue_failed (failed_at);
