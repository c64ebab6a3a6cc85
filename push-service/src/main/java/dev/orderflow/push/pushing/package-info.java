/** Pushes: one per event and device token, recorded once and sent through a {@link PushSender}. */
package dev.orderflow.push.pushing;
