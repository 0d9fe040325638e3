-- Each agenda item keeps the group whose records it is, so that a panel's escalation on the Executive's agenda is read
-- only by the panel's readers; an item without one is the meeting's own group's.
alter table meeting_agenda_item add column records_of_group_id bigint;

-- Escalations already kept on a held agenda are the raising group's records.
update meeting_agenda_item set records_of_group_id = (
    select e.from_group_id from executive_escalation e
    where e.partnership_id = meeting_agenda_item.partnership_id
      and meeting_agenda_item.href = concat('/governance/escalations/', cast(e.id as varchar(20))))
where kind in ('ESCALATION', 'ESCALATION_OUTCOME');
