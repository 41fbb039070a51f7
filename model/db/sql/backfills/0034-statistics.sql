-- The statistics counted from the files stored so far.
SELECT lajna_stats_rebuild();
