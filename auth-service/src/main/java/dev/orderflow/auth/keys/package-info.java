/** The RSA keys tokens are signed with, kept in the database so that a restart keeps issued tokens valid. */
package dev.orderflow.auth.keys;
