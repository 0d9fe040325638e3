-- The person the administrator names to update an action, typically one whose lead groups have nobody who
-- can. People live in the partnership module; only their ids are held here.
create table plan_action_updater (
    action_id    bigint       not null primary key references plan_action (id),
    person_id    bigint       not null,
    assigned_by  varchar(60)  not null,
    assigned_at  timestamp    not null
);

-- A cross-cutting tag either comes from the plan's own file (tagged_by null) or was made by the partnership
-- in Canopy, by whom and when, so that pages never show the partnership's reading as the plan's.
alter table plan_action_cross_cutting add column tagged_by varchar(60);
alter table plan_action_cross_cutting add column tagged_at timestamp;
