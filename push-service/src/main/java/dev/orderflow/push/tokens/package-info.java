/** Device tokens: which devices of which customer receive pushes. */
@NullMarked
package dev.orderflow.push.tokens;

import org.jspecify.annotations.NullMarked;
