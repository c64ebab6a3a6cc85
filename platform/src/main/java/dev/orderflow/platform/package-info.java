/**
 * The mechanisms every orderflow service shares and none may copy: the transactional outbox, the idempotent-consumer
 * guard, Kafka error handling, and problem+json errors. Auto-configured by {@link PlatformAutoConfiguration}.
 */
@NullMarked
package dev.orderflow.platform;

import org.jspecify.annotations.NullMarked;
