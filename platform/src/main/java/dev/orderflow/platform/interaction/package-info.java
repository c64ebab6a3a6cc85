/** The switch between seed 001's interaction styles: which adapters of a service are active. */
@NullMarked
package dev.orderflow.platform.interaction;

import org.jspecify.annotations.NullMarked;
