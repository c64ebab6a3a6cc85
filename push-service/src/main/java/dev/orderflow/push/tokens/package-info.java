/** Device tokens: which devices of which customer receive pushes. */
package dev.orderflow.push.tokens;
