-- Moved on by every change to a partnership's figures, catalogue or areas (data.quality.FiguresVersion), so the
-- rate checks' findings, which read every rate, count and population held, are worked out once per such change
-- rather than on every dashboard rendered after any change anywhere.
create table data_figures_version (
    partnership_id bigint not null primary key,
    version        bigint not null
);
