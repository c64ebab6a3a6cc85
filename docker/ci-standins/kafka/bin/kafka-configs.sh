#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-configs.sh, which runs kafka.admin.ConfigCommand.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.admin.ConfigCommand "$@"
