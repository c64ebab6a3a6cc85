/** The default push sender: one log line per push. */
@NullMarked
package dev.orderflow.push.pushing.log;

import org.jspecify.annotations.NullMarked;
