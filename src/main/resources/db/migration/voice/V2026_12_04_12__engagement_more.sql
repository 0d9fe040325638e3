-- Engagement groups and the canvasser programme, beyond the voice module's first tables: a question's version (it is
-- opened and closed), why a visit went (the report quotes it where what was heard is not recorded), who last changed it.

alter table canvass_question add column version integer not null default 0;
alter table canvass_question add constraint canvass_question_asker_check check (asked_by_group is not null or for_priority is not null);
create index canvass_question_partnership on canvass_question (partnership_id);

alter table canvass_visit add column purpose varchar(1000);
alter table canvass_visit add column updated_by varchar(60);
alter table canvass_visit add column updated_at timestamp;
create index canvass_visit_partnership on canvass_visit (partnership_id, visited_on);
