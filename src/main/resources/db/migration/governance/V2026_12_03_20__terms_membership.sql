-- Membership by agency in a group's terms of reference: the agencies that sit on the group (ids, comma separated,
-- as quorum_agencies).
alter table terms_of_reference add column member_agencies varchar(400);
