-- The meeting date its members were last reminded of: set once per date, so a reminder is sent once however often
-- the check runs, and again only if the meeting moves.
alter table meeting add column reminded_for date;
