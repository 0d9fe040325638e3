-- Two more places the partnership hears things, as the 2020-21 report names them: partners asked during the priority
-- setting process, and what partners reported at the partnership's risk meetings during the pandemic.
alter table feedback drop constraint feedback_source_check;
alter table feedback add constraint feedback_source_check check (source in ('ENGAGEMENT_GROUP', 'SURVEY', 'WORKSHOP',
    'CANVASSER_VISIT', 'PUBLIC_PAGE', 'PRIORITY_SETTING', 'RISK_MEETING'));
