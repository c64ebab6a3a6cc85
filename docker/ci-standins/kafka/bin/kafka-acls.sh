#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-acls.sh, which runs org.apache.kafka.tools.AclCommand.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.AclCommand "$@"
