-- When each model last became ACTIVE (nanoseconds since the epoch, UTC). NULL for a model never
-- activated, and for models activated before this column existed: their activation time is unknown.
-- A retired model keeps the time it was last activated.
ALTER TABLE models ADD COLUMN activated_at_ns BIGINT;

-- What started each training job: TRAIN or VALIDATION_UPDATE. NULL for jobs recorded before this
-- column existed: what started them was not stored, so it stays unknown.
ALTER TABLE training_jobs ADD COLUMN kind VARCHAR(32);
ALTER TABLE training_jobs ADD CONSTRAINT training_jobs_kind
  CHECK (kind IS NULL OR kind IN ('TRAIN', 'VALIDATION_UPDATE'));
