-- The files' search text made again, as 0014 makes it.
SELECT lajna_cases_refresh_search(array_agg(id)) FROM case_file;
