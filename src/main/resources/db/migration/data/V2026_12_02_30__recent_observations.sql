-- A series' latest periods, read backwards from its newest: the dashboard reads each tile's recent figures through
-- this index, so its cost does not grow with the history behind a series.
create index observation_recent on observation (indicator_id, area_id, period_start);
