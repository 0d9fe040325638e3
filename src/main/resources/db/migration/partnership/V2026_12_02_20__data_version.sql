-- Each partnership's data version: one number that every change in any module moves on, in the changing
-- transaction. Pages and charts built from the partnership's data are cached and revalidated against it; kept in
-- the database so that, with several nodes, a node never serves a page from before another node's change.
create table data_version (
    partnership_id bigint primary key,
    version        bigint not null
);
insert into data_version (partnership_id, version) select id, 0 from partnership;
