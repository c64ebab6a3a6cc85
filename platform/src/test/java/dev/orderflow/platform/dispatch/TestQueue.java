package dev.orderflow.platform.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A queue over a table of its own, as a service would write one; each test has its own {@code queue} name, so that its
 * dispatchers see only its items.
 */
class TestQueue implements DispatchQueue<TestQueue.Item> {

    /** An item as locked, with the attempts made before. */
    record Item(long id, String payload, int attempts) {}

    /** An item's row as the dispatcher left it. */
    record State(String status, int attempts, int postponements, String lastError) {}

    private final JdbcClient jdbc;
    private final String name;
    /** How many more times {@link #markDone} fails, as if the process died before the commit. */
    private final AtomicInteger crashesBeforeCommit = new AtomicInteger();

    TestQueue(JdbcClient jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    static void createTables(JdbcClient jdbc) {
        jdbc.sql("""
                create table if not exists dispatch_test_items (
                    id            bigserial    primary key,
                    queue         varchar(64)  not null,
                    payload       varchar(64)  not null,
                    status        varchar(16)  not null,
                    attempts      integer      not null default 0,
                    postponements integer      not null default 0,
                    last_error    varchar(1000),
                    due_at        timestamptz
                )
                """).update();
        jdbc.sql("""
                create table if not exists dispatch_test_effects (
                    queue   varchar(64) not null,
                    item_id bigint      not null,
                    what    varchar(64) not null
                )
                """).update();
    }

    /** Adds an item, due now, in the caller's transaction if there is one. */
    long add(String payload) {
        return jdbc.sql("""
                        insert into dispatch_test_items (queue, payload, status, due_at)
                        values (?, ?, 'PENDING', now()) returning id
                        """).params(name, payload).query(Long.class).single();
    }

    void crashBeforeCommit(int times) {
        crashesBeforeCommit.set(times);
    }

    @Override
    public List<Item> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id, payload, attempts from dispatch_test_items
                        where queue = ? and status = 'PENDING' and due_at <= ?
                        order by due_at, id limit ?
                        for update skip locked
                        """)
                .params(name, Timestamp.from(now), limit)
                .query((rs, row) -> new Item(rs.getLong("id"), rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    @Override
    public void markDone(Item item) {
        jdbc.sql("""
                        update dispatch_test_items set status = 'DONE', attempts = attempts + 1, due_at = null
                        where id = ?
                        """).param(item.id()).update();
        if (crashesBeforeCommit.getAndDecrement() > 0) {
            throw new IllegalStateException("the process died before the commit");
        }
    }

    @Override
    public void markFailed(Item item, String error, Instant retryAt) {
        jdbc.sql("""
                        update dispatch_test_items
                        set status = ?, attempts = attempts + 1, last_error = ?, due_at = ?
                        where id = ?
                        """)
                .params(
                        retryAt == null ? "FAILED" : "PENDING",
                        error,
                        retryAt == null ? null : Timestamp.from(retryAt),
                        item.id())
                .update();
    }

    @Override
    public void postpone(Item item, Instant until) {
        jdbc.sql("update dispatch_test_items set postponements = postponements + 1, due_at = ? where id = ?")
                .params(Timestamp.from(until), item.id())
                .update();
    }

    State state(long id) {
        return jdbc.sql("select status, attempts, postponements, last_error from dispatch_test_items where id = ?")
                .param(id)
                .query((rs, row) -> new State(
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getInt("postponements"),
                        rs.getString("last_error")))
                .single();
    }

    /** Records an effect of handling the item, in the caller's transaction. */
    void recordEffect(Item item, String what) {
        jdbc.sql("insert into dispatch_test_effects (queue, item_id, what) values (?, ?, ?)")
                .params(name, item.id(), what)
                .update();
    }

    long effects(long id, String what) {
        return jdbc.sql("select count(*) from dispatch_test_effects where queue = ? and item_id = ? and what = ?")
                .params(name, id, what)
                .query(Long.class)
                .single();
    }
}
