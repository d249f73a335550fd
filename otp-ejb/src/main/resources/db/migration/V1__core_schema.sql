-- Secure 2FA core schema. Written once for both PostgreSQL and H2 (PostgreSQL mode).
-- Times are epoch milliseconds (BIGINT). Ids come from sequences with EclipseLink preallocation:
-- a value is the top of a block of 50, so sequences start at 50.

create sequence project_seq start with 50 increment by 50;
create sequence channel_seq start with 50 increment by 50;
create sequence template_seq start with 50 increment by 50;
create sequence template_version_seq start with 50 increment by 50;
create sequence challenge_seq start with 50 increment by 50;
create sequence delivery_seq start with 50 increment by 50;
create sequence audit_event_seq start with 50 increment by 50;

create table channel (
    id              bigint primary key,
    account_id      bigint,
    name            varchar(200) not null,
    channel_type    varchar(10)  not null,
    provider_id     varchar(50)  not null,
    settings_sealed varchar(8000),
    created_at      bigint       not null
);

create table template (
    id         bigint primary key,
    account_id bigint,
    name       varchar(200) not null,
    created_at bigint       not null
);

create table template_version (
    id          bigint primary key,
    template_id bigint        not null references template (id) on delete cascade,
    lang        varchar(2)    not null,
    subject     varchar(500),
    body        varchar(4000) not null,
    html_body   varchar(20000),
    position    integer       not null,
    constraint template_version_lang_uq unique (template_id, lang)
);

create table project (
    id                     bigint primary key,
    account_id             bigint,
    name                   varchar(200) not null,
    public_key             varchar(32)  not null,
    secret_sealed          varchar(200) not null,
    previous_secret_sealed varchar(200),
    previous_secret_until  bigint,
    channel_id             bigint references channel (id),
    template_id            bigint references template (id),
    code_digits            integer,
    code_lifetime_seconds  integer,
    max_attempts           integer,
    device_check           varchar(20),
    created_at             bigint       not null,
    constraint project_public_key_uq unique (public_key)
);

create table end_user (
    user_key             varchar(64) primary key,
    project_id           bigint  not null references project (id) on delete cascade,
    window_started_at    bigint  not null,
    sends_in_window      integer not null,
    consecutive_failures integer not null,
    last_failure_at      bigint
);

create table challenge (
    id               bigint primary key,
    project_id       bigint      not null references project (id) on delete cascade,
    user_key         varchar(64) not null,
    code_hash        varchar(64) not null,
    status           varchar(12) not null,
    attempts         integer     not null,
    max_attempts     integer     not null,
    created_at       bigint      not null,
    expires_at       bigint      not null,
    verified_at      bigint,
    recipient_masked varchar(320),
    channel_type     varchar(10),
    lang             varchar(2),
    ip_address       varchar(64),
    user_agent_hash  varchar(64),
    template_request boolean     not null
);
create index challenge_user_idx on challenge (user_key, status);
create index challenge_project_idx on challenge (project_id, created_at);

create table delivery (
    id                  bigint primary key,
    challenge_id        bigint,
    project_id          bigint      not null references project (id) on delete cascade,
    channel_id          bigint      not null,
    status              varchar(12) not null,
    attempts            integer     not null,
    next_attempt_at     bigint      not null,
    claimed_until       bigint,
    payload_sealed      varchar(40000),
    provider_id         varchar(50),
    provider_message_id varchar(300),
    last_error          varchar(1000),
    created_at          bigint      not null,
    updated_at          bigint      not null
);
create index delivery_due_idx on delivery (status, next_attempt_at);
create index delivery_challenge_idx on delivery (challenge_id);

create table audit_event (
    id         bigint primary key,
    project_id bigint,
    account_id bigint,
    at         bigint      not null,
    action     varchar(40) not null,
    outcome    varchar(40) not null,
    detail     varchar(500),
    ip_address varchar(64)
);
create index audit_event_project_idx on audit_event (project_id, at);
