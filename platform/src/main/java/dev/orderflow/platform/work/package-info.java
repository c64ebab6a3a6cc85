/** Background work on committed rows: a worker thread woken after commits, and how often failed work is retried. */
package dev.orderflow.platform.work;
