/** What counts as the database being unreachable, defined once for HTTP answers and Kafka retries alike. */
@NullMarked
package dev.orderflow.platform.database;

import org.jspecify.annotations.NullMarked;
