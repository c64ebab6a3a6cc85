package dev.orderflow.fulfillment.targets;

import java.util.List;

/**
 * One type of target ({@code log}, {@code store-and-dispatch}, ...): checks a target's settings when a rule is saved,
 * and delivers events to it. A new type is a new bean implementing this interface; the rules API accepts its type and
 * the delivery dispatcher hands it its deliveries without any other change.
 *
 * <p>{@link #deliver} runs on the delivery dispatcher's thread, in the delivery's own transaction (its row is locked
 * until the commit): what it writes to the database commits exactly when the delivery is recorded as done, and is
 * rolled back when it throws. A crash between a side effect outside the database (an HTTP call) and
 * the commit means the delivery is made again: such targets pass {@link Delivery#eventId()} along (e.g. as an
 * {@code Idempotency-Key}) so that the receiver can recognise it. Delivery is at least once.
 */
public interface TargetInvoker {

    /** The {@code type} of the targets this invoker delivers to, e.g. {@code log}. */
    String type();

    /**
     * What is wrong with a target's own settings (those beside {@code id}, {@code type}, the input transformation and
     * the retry policy), as messages about its fields; empty when the target can be used.
     */
    List<String> check(Target target);

    /**
     * Delivers one event to the target.
     *
     * @throws TargetRefusedException when the target refused the event for good (a retry cannot help): no further
     *     attempt, the delivery goes to the dead-letter topic
     * @throws PostponedException when the invoker did not try (e.g. a rate limit has no permit now): the delivery is due
     *     again at the given time, without counting an attempt
     * @throws Exception any other failure: retried with backoff within the target's {@link TargetRetryPolicy}
     */
    void deliver(Delivery delivery) throws Exception;
}
