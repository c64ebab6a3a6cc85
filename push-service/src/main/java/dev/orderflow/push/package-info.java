/** push-service: keeps customers' device tokens and pushes every order's payment outcome and dispatch to each of them. */
@NullMarked
package dev.orderflow.push;

import org.jspecify.annotations.NullMarked;
