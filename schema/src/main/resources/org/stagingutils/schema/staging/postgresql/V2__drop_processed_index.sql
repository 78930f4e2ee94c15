-- Pruning walks the change log by its primary key (ProcessedMarker.prune), so this index only
-- cost every captured edit one more index entry.
DROP INDEX IF EXISTS staglog_processed;
