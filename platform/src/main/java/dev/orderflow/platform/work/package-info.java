/** Background work on committed rows: a worker thread woken after commits, and how often failed work is retried. */
@NullMarked
package dev.orderflow.platform.work;

import org.jspecify.annotations.NullMarked;
