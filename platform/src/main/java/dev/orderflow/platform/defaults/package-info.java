/** The settings every service shares, applied once below each service's own configuration. */
@NullMarked
package dev.orderflow.platform.defaults;

import org.jspecify.annotations.NullMarked;
