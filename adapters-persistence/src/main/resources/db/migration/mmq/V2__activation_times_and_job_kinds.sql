-- When each model last became ACTIVE (nanoseconds since the epoch, UTC). NULL for a model never
-- activated, and for models activated before this column existed: their activation time is unknown.
-- A retired model keeps the time it was last activated.
ALTER TABLE models ADD COLUMN activated_at_ns BIGINT;
