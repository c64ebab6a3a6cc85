package dev.orderflow.platform.dispatch;

/**
 * What a {@link Dispatcher} does with one item: send the e-mail, the push, the delivery. It runs in the transaction of
 * the item's batch, after a savepoint, and that transaction commits what it wrote together with the item marked done. When
 * it throws, the transaction is rolled back to the savepoint, so nothing it wrote is kept, and the failure is recorded
 * in the same transaction, the item still locked. It writes through SQL on the transaction's connection, not by
 * changing managed JPA entities, which a rollback to a savepoint would not undo. A crash after it returned and before
 * the batch's commit means it runs again for the same item: make it idempotent, or accept at-least-once.
 *
 * @param <T> the queue's items
 */
@FunctionalInterface
public interface DispatchHandler<T> {

    /**
     * Acts on the item.
     *
     * @throws PostponedException to try the item again later without counting an attempt
     * @throws Exception when it failed; the {@link RetryDecision} says whether and when it is tried again
     */
    void handle(T item) throws Exception;

    /**
     * Called once, in the transaction of the item's batch, after its last failed attempt was recorded: the place to write a dead
     * letter.
     * When it throws, the batch is not committed, and its items are tried again on a later round.
     */
    default void givenUp(T item, Exception lastFailure) {}
}
