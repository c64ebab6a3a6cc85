-- Their target types exist now: the two default rules that V5 created DISABLED start matching, once. A rule an
-- operator disabled later stays as it is, since this runs only once per database.
update rules set state = 'ENABLED', updated_at = now()
where name in ('us-orders-to-api', 'eu-orders-to-workflow') and state = 'DISABLED';
