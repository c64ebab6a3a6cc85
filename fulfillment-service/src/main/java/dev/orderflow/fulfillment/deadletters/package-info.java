/** Dead letters you can act on: the records of the {@code -dlt} topics listed with their errors, and redriven. */
@NullMarked
package dev.orderflow.fulfillment.deadletters;

import org.jspecify.annotations.NullMarked;
