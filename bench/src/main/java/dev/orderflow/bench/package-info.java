/** The load generator behind {@code bin/bench}: orders against a running suite, measured end to end, beside the machine's limits. */
package dev.orderflow.bench;
