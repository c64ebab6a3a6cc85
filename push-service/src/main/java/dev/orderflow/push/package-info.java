/** push-service: keeps customers' device tokens and pushes every order's payment outcome and dispatch to each of them. */
package dev.orderflow.push;
