/** Strict JSON reading: no control characters in text, no number or type ever coerced, the same in every service. */
@NullMarked
package dev.orderflow.platform.json;

import org.jspecify.annotations.NullMarked;
