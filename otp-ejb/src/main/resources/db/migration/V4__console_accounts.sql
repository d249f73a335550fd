-- Console accounts (issue 3): sign-up by emailed link, password, TOTP, backup codes, lockout.

create sequence account_seq start with 50 increment by 50;

create table account (
    id                 bigint primary key,
    email              varchar(320) not null,
    status             varchar(20)  not null,
    admin              boolean      not null,
    disabled           boolean      not null,
    password_hash      varchar(200),
    totp_sealed        varchar(200),
    totp_last_step     bigint       not null,
    token_hash         varchar(64),
    token_purpose      varchar(10),
    token_expires_at   bigint,
    failed_signins     integer      not null,
    locked_until       bigint,
    created_at         bigint       not null,
    last_signin_at     bigint,
    constraint account_email_uq unique (email)
);
create index account_token_idx on account (token_hash);

create table backup_code (
    account_id bigint      not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    primary key (account_id, code_hash)
);

create index channel_account_idx on channel (account_id);
create index template_account_idx on template (account_id);
create index project_account_idx on project (account_id);
create index challenge_verified_idx on challenge (project_id, verified_at);
