package dev.orderflow.fulfillment.targets.log;

import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The log groups' entries. */
public interface LogEntries extends Repository<LogEntry, Long> {

    /** Writes the entry of a delivery once, however often the delivery is made. */
    @Modifying
    @Query(value = """
            insert into log_entries (log_group, delivery_id, event_id, rule_name, message)
            values (:group, :deliveryId, :eventId, :ruleName, :message)
            on conflict (delivery_id) do nothing
            """, nativeQuery = true)
    int append(
            @Param("group") String group,
            @Param("deliveryId") long deliveryId,
            @Param("eventId") String eventId,
            @Param("ruleName") String ruleName,
            @Param("message") String message);

    /** A log group's newest entries, newest first. */
    @Query(
            value = "select * from log_entries where log_group = :group order by id desc limit :limit",
            nativeQuery = true)
    List<LogEntry> newest(@Param("group") String group, @Param("limit") int limit);
}
