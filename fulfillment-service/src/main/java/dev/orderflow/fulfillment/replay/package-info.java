/** Archive and replay: a time range of the topics read again and delivered to the rules' targets, marked as a replay. */
package dev.orderflow.fulfillment.replay;
