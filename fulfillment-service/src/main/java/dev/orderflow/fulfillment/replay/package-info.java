/** Archive and replay: a time range of the topics read again and delivered to the rules' targets, marked as a replay. */
@NullMarked
package dev.orderflow.fulfillment.replay;

import org.jspecify.annotations.NullMarked;
