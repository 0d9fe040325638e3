-- The due date for which a recommendation's being overdue was last announced: the daily check announces each
-- once, and on several nodes only the node whose update changes the row announces it.
alter table learning_recommendation add column overdue_announced_for date;
