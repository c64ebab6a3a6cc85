#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-console-consumer.sh, which runs org.apache.kafka.tools.consumer.ConsoleConsumer.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
