/** The HTTP API of pushes. */
@NullMarked
package dev.orderflow.push.pushing.web;

import org.jspecify.annotations.NullMarked;
