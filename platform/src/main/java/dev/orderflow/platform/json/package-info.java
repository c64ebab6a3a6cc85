/** Strict JSON reading: no control characters in text, no number or type ever coerced, the same in every service. */
package dev.orderflow.platform.json;
