-- Several nodes (issue 12): what a node used to keep in memory alone, now in the database all nodes share.
-- Expand only: an older node ignores both tables.

-- One row, bumped in every transaction that changes something nodes keep in memory (a project, its
-- keys, channel or template, the token-signing keys). Each node reads it four times a second and, when
-- it moved, forgets what it kept: a change through one node is in force on every node within a second.
create table settings_epoch (
    id    integer primary key,
    epoch bigint  not null
);
insert into settings_epoch (id, epoch) values (1, 0);

-- A channel's circuit breaker, one for the whole installation. No row: closed, no failures. No foreign
-- key: a circuit of a deleted channel is harmless and never read again.
create table channel_circuit (
    channel_id  bigint  primary key,
    failures    integer not null,
    open_until  bigint  not null,
    trial_until bigint  not null
);
