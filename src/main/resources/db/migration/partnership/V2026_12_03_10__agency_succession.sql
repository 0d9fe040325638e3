-- An agency's period of existence and the agency that took over its duties (a clinical commissioning group succeeded by
-- an integrated care board): records keep the agency of their day, today's lists name its successor.
alter table agency add column existed_from date;
alter table agency add column existed_until date;
alter table agency add column succeeded_by bigint references agency (id);
alter table agency add constraint agency_period_check check (existed_until is null or existed_from is null or existed_until >= existed_from);
alter table agency add constraint agency_successor_not_itself check (succeeded_by is null or succeeded_by <> id);
alter table agency drop constraint agency_kind_check;
alter table agency add constraint agency_kind_check check (kind in ('STATUTORY_PARTNER', 'RELEVANT_AGENCY', 'EDUCATION_OR_CHILDCARE'));
