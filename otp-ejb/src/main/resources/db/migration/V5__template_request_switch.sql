-- A project can turn off template requests (generate with template_request=true), which hand the code to
-- whoever holds a valid payload. On by default, as in the hosted service.
alter table project add column template_requests boolean default true not null;
