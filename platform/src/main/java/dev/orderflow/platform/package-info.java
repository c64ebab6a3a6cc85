/**
 * The mechanisms every orderflow service shares and none may copy: the transactional outbox, the idempotent-consumer
 * guard, Kafka error handling, and problem+json errors. Auto-configured by {@link PlatformAutoConfiguration}.
 */
package dev.orderflow.platform;
