#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-console-producer.sh, which runs org.apache.kafka.tools.ConsoleProducer.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.ConsoleProducer "$@"
