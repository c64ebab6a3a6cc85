package dev.orderflow.fulfillment.replay;

import dev.orderflow.fulfillment.replay.Replay.ReplayState;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The replays and the deliveries they create. */
@Repository
public class Replays {

    private final JdbcClient jdbc;

    Replays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new replay; whether the name was free. */
    boolean create(String name, java.time.Instant from, java.time.Instant to, List<String> rules) {
        return jdbc.sql("""
                        insert into replays (name, state, replay_from, replay_to, rules)
                        values (:name, 'STARTING', :from, :to, cast(:rules as varchar(64)[]))
                        on conflict (name) do nothing
                        """)
                        .param("name", name)
                        .param("from", Timestamp.from(from))
                        .param("to", Timestamp.from(to))
                        .param("rules", arrayLiteral(rules))
                        .update()
                == 1;
    }

    public Optional<Replay> find(String name) {
        return jdbc.sql("select * from replays where name = :name")
                .param("name", name)
                .query(Replays::row)
                .optional();
    }

    /** The newest replays, newest first. */
    public List<Replay> newest(int limit) {
        return jdbc.sql("select * from replays order by created_at desc limit :limit")
                .param("limit", limit)
                .query(Replays::row)
                .list();
    }

    List<Replay> unfinished() {
        return jdbc.sql("select * from replays where state in ('STARTING', 'RUNNING') order by created_at")
                .query(Replays::row)
                .list();
    }

    void running(String name) {
        jdbc.sql("update replays set state = 'RUNNING', events_replayed = 0 where name = :name")
                .param("name", name)
                .update();
    }

    void progress(String name, long events) {
        jdbc.sql("update replays set events_replayed = events_replayed + :events where name = :name")
                .param("name", name)
                .param("events", events)
                .update();
    }

    void finish(String name, ReplayState state, String error) {
        jdbc.sql("update replays set state = :state, error = :error, finished_at = now() where name = :name")
                .param("name", name)
                .param("state", state.name())
                .param("error", error)
                .update();
    }

    /** Records a replayed delivery unless this replay made it already; whether it is new. */
    boolean recordDelivery(
            String replay,
            String eventId,
            String rule,
            String targetId,
            String target,
            String input,
            List<String> matchedRules,
            java.time.Instant eventTime) {
        return jdbc.sql("""
                        insert into deliveries (event_id, rule_name, target_id, replay_name, target, input,
                                                matched_rules, event_time)
                        values (:eventId, :rule, :targetId, :replay, cast(:target as jsonb), :input,
                                cast(:matched as varchar(64)[]), :eventTime)
                        on conflict (event_id, rule_name, target_id, replay_name) do nothing
                        """)
                        .param("eventId", eventId)
                        .param("rule", rule)
                        .param("targetId", targetId)
                        .param("replay", replay)
                        .param("target", target)
                        .param("input", input)
                        .param("matched", arrayLiteral(matchedRules))
                        .param("eventTime", Timestamp.from(eventTime))
                        .update()
                == 1;
    }

    /** Rule names are letters, digits, '.', '_' and '-': quoting each is enough for a PostgreSQL array literal. */
    private static String arrayLiteral(List<String> names) {
        return names.stream()
                .map(name -> "\"" + name + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static Replay row(java.sql.ResultSet rs, int row) throws SQLException {
        Array rules = rs.getArray("rules");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Replay(
                rs.getString("name"),
                ReplayState.valueOf(rs.getString("state")),
                rs.getTimestamp("replay_from").toInstant(),
                rs.getTimestamp("replay_to").toInstant(),
                Arrays.asList((String[]) rules.getArray()),
                rs.getLong("events_replayed"),
                rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
