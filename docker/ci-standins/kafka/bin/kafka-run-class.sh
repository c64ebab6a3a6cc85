#!/bin/sh
# CI stand-in only: runs CLASS from /opt/kafka/libs, honouring KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS and
# KAFKA_OPTS as Apache Kafka's own script does. Tools log warnings to standard error; the broker sets STANDIN_LOG=INFO.
# shellcheck disable=SC2086 # the *_OPTS are lists of JVM options
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1} ${KAFKA_OPTS:-} \
  -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties \
  -Dstandin.log.level="${STANDIN_LOG:-WARN}" -Dstandin.log.target="${STANDIN_LOG_TARGET:-SYSTEM_ERR}" \
  -cp '/opt/kafka/libs/*' "$@"
