/** What counts as the database being unreachable, defined once for HTTP answers and Kafka retries alike. */
package dev.orderflow.platform.database;
