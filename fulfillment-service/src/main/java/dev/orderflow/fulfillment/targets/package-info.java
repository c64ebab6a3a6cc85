/**
 * Where a matching event goes: the target model and the seam for target types, one {@link
 * dev.orderflow.fulfillment.targets.TargetInvoker} bean per type, selected by the target's {@code type}.
 */
@NullMarked
package dev.orderflow.fulfillment.targets;

import org.jspecify.annotations.NullMarked;
