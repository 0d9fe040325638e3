-- A figure's escalation is one kind of governance's escalations to the executive: the governance record it is,
-- null for rows made before (adopted once at start-up).
alter table escalation add column governance_escalation_id bigint;
