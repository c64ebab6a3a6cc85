/** The switch between seed 001's interaction styles: which adapters of a service are active. */
package dev.orderflow.platform.interaction;
