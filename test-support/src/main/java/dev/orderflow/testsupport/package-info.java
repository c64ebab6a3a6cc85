/**
 * Integration-test infrastructure shared by every module: one real Kafka broker and one real PostgreSQL per test JVM,
 * and a Kafka client for reading and writing events in tests.
 */
package dev.orderflow.testsupport;
