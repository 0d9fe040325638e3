-- observation_recent repeated observation_series (indicator_id, area_id, period_start) column for column: every
-- stored figure paid for both. The tiles' recent-period read uses observation_series.
drop index observation_recent;
