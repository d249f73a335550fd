-- Management API (issue 11): API tokens of console accounts, the service's own token-signing keys, and
-- which token made a change. Expand only: older nodes ignore all three.

create sequence api_token_seq start with 50 increment by 50;

create table api_token (
    id           bigint       primary key,
    account_id   bigint       not null references account (id) on delete cascade,
    name         varchar(100) not null,
    writes       boolean      not null,
    project_ids  varchar(2000),
    created_at   bigint       not null,
    expires_at   bigint       not null,
    revoked_at   bigint,
    last_used_at bigint
);
create index api_token_account_idx on api_token (account_id);

create table signing_key (
    kid            varchar(40)   primary key,
    created_at     bigint        not null,
    public_jwk     varchar(1000) not null,
    private_sealed varchar(2000) not null,
    retired_at     bigint
);

alter table audit_event add column api_token_id bigint;
