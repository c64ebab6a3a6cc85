/** The saga end to end in each interaction style: order, billing and notification services in one test JVM. */
package dev.orderflow.notification.styles;
