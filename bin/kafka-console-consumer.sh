#!/usr/bin/env bash
# Apache Kafka's kafka-console-consumer.sh, as in the Kafka quickstart, against the stack's broker, e.g.
#   bin/kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic billing --from-beginning --property print.headers=true
exec "$(dirname "$0")/lib/kafka-tool.sh" org.apache.kafka.tools.consumer.ConsoleConsumer "$@"
