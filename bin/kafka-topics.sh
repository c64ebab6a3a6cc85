#!/usr/bin/env bash
# Apache Kafka's kafka-topics.sh, as in the Kafka quickstart, against the stack's broker, e.g.
#   bin/kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic billing
exec "$(dirname "$0")/lib/kafka-tool.sh" org.apache.kafka.tools.TopicCommand "$@"
