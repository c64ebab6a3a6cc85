#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-server-start.sh CONFIG: the broker (kafka.Kafka), logging INFO to stdout.
export KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC}" STANDIN_LOG=INFO STANDIN_LOG_TARGET=SYSTEM_OUT
exec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$@"
