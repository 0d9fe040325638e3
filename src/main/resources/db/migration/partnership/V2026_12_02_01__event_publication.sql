-- Spring Modulith's JDBC event publication registry (its v2 schema, written once for H2 and PostgreSQL):
-- an event a module listens to is recorded in the publishing transaction, so a listener that fails or a node
-- that stops before the listener ran leaves it here to be republished, not lost.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(1000000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_completion_date on event_publication (completion_date);
