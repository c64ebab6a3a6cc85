/** The OAuth 2.1 authorization server: who may log in, which clients exist, and the keys tokens are signed with. */
package dev.orderflow.auth;
