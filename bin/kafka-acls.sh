#!/usr/bin/env bash
# Apache Kafka's kafka-acls.sh against the stack's broker, as the admin, e.g. who may do what (docs/adr/0010):
#   bin/kafka-acls.sh --bootstrap-server localhost:9092 --list
exec "$(dirname "$0")/lib/kafka-tool.sh" org.apache.kafka.tools.AclCommand "$@"
