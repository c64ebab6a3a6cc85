/** The development-only route that hands out tokens without a browser; absent unless the stack turns it on. */
package dev.orderflow.auth.devtokens;
