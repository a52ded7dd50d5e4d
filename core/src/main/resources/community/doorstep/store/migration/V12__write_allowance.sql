-- How many times the usual number of anonymous writes one internet address of a site may send: a coordinator raises
-- it where many residents share one address (a library, a caseworkers' office).
alter table doorstep_site add column write_allowance integer default 1 not null;
