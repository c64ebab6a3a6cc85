/** billing-service: keeps customer accounts, applies deposits and charges orders exactly once. */
@NullMarked
package dev.orderflow.billing;

import org.jspecify.annotations.NullMarked;
