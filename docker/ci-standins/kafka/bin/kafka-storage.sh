#!/bin/sh
# CI stand-in only: Apache Kafka's bin/kafka-storage.sh, which runs kafka.tools.StorageTool.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
