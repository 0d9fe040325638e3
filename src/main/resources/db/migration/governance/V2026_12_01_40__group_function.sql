-- What a group does for the partnership (GroupFunction), which its rights follow instead of its name.
-- Null is no particular function; a unique constraint lets each partnership give a function to one group only
-- (nulls are distinct in unique constraints on both H2 and PostgreSQL).
alter table partnership_group add column group_function varchar(40);
alter table partnership_group add constraint group_function_check
    check (group_function in ('EXECUTIVE', 'QUALITY_ASSURANCE', 'RAPID_REVIEW_PANEL'));

-- Existing groups keep the rights their names gave them: the quality assurance group by its literal name, the
-- rapid review panel as a panel whose name speaks of rapid review, the executive by its type (the first such
-- group of each partnership, as only one may hold a function).
update partnership_group g set group_function = 'QUALITY_ASSURANCE'
 where g.name = 'Quality Assurance and Performance Group';
update partnership_group g set group_function = 'RAPID_REVIEW_PANEL'
 where g.id = (select min(o.id) from partnership_group o where o.partnership_id = g.partnership_id
                 and o.type = 'PANEL' and lower(o.name) like '%rapid%review%' and o.group_function is null);
update partnership_group g set group_function = 'EXECUTIVE'
 where g.id = (select min(o.id) from partnership_group o where o.partnership_id = g.partnership_id
                 and o.type = 'EXECUTIVE' and o.group_function is null);

alter table partnership_group add constraint group_function_unique unique (partnership_id, group_function);
