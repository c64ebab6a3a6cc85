#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-topics.sh, which runs org.apache.kafka.tools.TopicCommand.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.TopicCommand "$@"
