/** billing-service: keeps customer accounts, applies deposits and charges orders exactly once. */
package dev.orderflow.billing;
