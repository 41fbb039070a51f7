-- stats.sql: who may call the functions that keep the statistics.
-- Applied after the migrations at every start and after a restore
-- (lajna-schema.c); applying it again changes nothing.

-- Run by the statistics' triggers alone, with their owner's rights.
REVOKE EXECUTE ON FUNCTION
  lajna_stats_files_moved(lajna_stats_file[], lajna_stats_file[]),
  lajna_stats_decisions_moved(lajna_stats_decision[], lajna_stats_decision[]),
  lajna_stats_history_added(lajna_stats_history[]),
  lajna_stats_reviews_moved(lajna_stats_review[], lajna_stats_review[]),
  lajna_stats_documents_changed(bigint[]),
  lajna_stats_waiting_moved(lajna_stats_wait[], lajna_stats_wait[]),
  lajna_stats_wait_changed(),
  lajna_stats_file_changed(),
  lajna_stats_file_removed(),
  lajna_stats_decision_changed(),
  lajna_stats_history_changed(),
  lajna_stats_juvenile_changed(),
  lajna_stats_document_changed(),
  lajna_stats_rebuild()
  FROM PUBLIC;
