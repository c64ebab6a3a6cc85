#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-broker-api-versions.sh, which runs org.apache.kafka.tools.BrokerApiVersionsCommand.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
