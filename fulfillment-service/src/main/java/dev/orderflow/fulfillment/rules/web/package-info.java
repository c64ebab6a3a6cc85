/** The rules API: PutRule, ListRules, DescribeRule, DeleteRule and TestEventPattern over HTTP. */
package dev.orderflow.fulfillment.rules.web;
