-- A count can be one part of a total (child protection plans by category, of all plans): published
-- figures then suppress a further cell wherever a suppressed part could be worked out from the total.
alter table indicator add column part_of_code varchar(40);
