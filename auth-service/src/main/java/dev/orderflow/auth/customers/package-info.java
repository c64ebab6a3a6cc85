/** Customers who may log in, with their hashed passwords, and how one registers. */
package dev.orderflow.auth.customers;
