/** The default push sender: one log line per push. */
package dev.orderflow.push.pushing.log;
