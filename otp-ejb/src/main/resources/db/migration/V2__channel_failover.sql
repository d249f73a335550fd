-- Failover: a channel may name the channel to try next (an ordered chain of providers), and a
-- message remembers which channel of its chain it is on.
alter table channel add column fallback_channel_id bigint references channel (id);
alter table delivery add column route_channel_id bigint;
