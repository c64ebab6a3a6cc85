package dev.orderflow.fulfillment.rules;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The stored rules. */
public interface Rules extends JpaRepository<Rule, String> {

    List<Rule> findAllByOrderByName();

    /** Moves with every change to any rule, in the changing transaction (a trigger on {@code rules}). */
    @Query(value = "select counter from rule_changes", nativeQuery = true)
    long changeCounter();
}
