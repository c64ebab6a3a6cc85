#!/usr/bin/env bash
# Apache Kafka's kafka-console-producer.sh, as in the Kafka quickstart, against the stack's broker, e.g.
#   bin/kafka-console-producer.sh --bootstrap-server localhost:9092 --topic billing --property parse.key=true --property key.separator=:
exec "$(dirname "$0")/lib/kafka-tool.sh" org.apache.kafka.tools.ConsoleProducer "$@"
