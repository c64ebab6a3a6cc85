/** Pushes: one per event and device token, recorded once and sent through a {@link PushSender}. */
@NullMarked
package dev.orderflow.push.pushing;

import org.jspecify.annotations.NullMarked;
