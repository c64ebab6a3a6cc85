-- The relay's leadership and its next batch in one round trip: the schema's advisory lock for this transaction, then,
-- if this relay got it, the oldest rows. Volatile, so the select sees what committed before the lock was taken.
create function outbox_batch(batch_size integer) returns setof outbox
    language plpgsql volatile
as $$
begin
    if not pg_try_advisory_xact_lock(hashtext('orderflow.outbox.' || current_schema())) then
        return;
    end if;
    return query select * from outbox order by id limit batch_size;
end
$$;
