/** The rules API: PutRule, ListRules, DescribeRule, DeleteRule and TestEventPattern over HTTP. */
@NullMarked
package dev.orderflow.fulfillment.rules.web;

import org.jspecify.annotations.NullMarked;
