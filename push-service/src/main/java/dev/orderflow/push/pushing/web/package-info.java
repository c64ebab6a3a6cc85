/** The HTTP API of pushes. */
package dev.orderflow.push.pushing.web;
