#!/bin/bash
# CI stand-in only: the start-up of the apache/kafka image, as far as docker-compose.yml uses it. Every KAFKA_* variable
# (but the JVM options) becomes a line of server.properties as upstream maps them: KAFKA_ dropped, lower case, "___" to
# "-", "__" to "_", "_" to "."; CLUSTER_ID formats an empty log directory; then the broker runs in the foreground.
set -euo pipefail

config=/opt/kafka/config/server.properties
: >"$config"
for name in $(compgen -e); do
  case $name in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JMX_OPTS | KAFKA_GC_LOG_OPTS) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key=${name#KAFKA_}
  key=${key,,}
  key=${key//___/-}
  key=${key//__/@}
  key=${key//_/.}
  key=${key//@/_}
  printf '%s=%s\n' "$key" "${!name}" >>"$config"
done
echo "kafka stand-in: server.properties"
sed 's/^/  /' "$config"

: "${CLUSTER_ID:?set CLUSTER_ID, a base64 UUID}"
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c "$config"
exec /opt/kafka/bin/kafka-server-start.sh "$config"
