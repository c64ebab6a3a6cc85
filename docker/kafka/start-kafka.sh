#!/bin/sh
# Starts the compose file's Kafka broker (the apache/kafka image) with the security bin/stack's LocalKafka gives the
# local one (docs/adr/0010-least-privilege.md): clients authenticate with SASL/SCRAM-SHA-512 on both client listeners
# (INTERNAL kafka:29092 for the containers, HOST localhost:9092 for the host), the broker with SASL/PLAIN to its KRaft
# controller, and the StandardAuthorizer allows nothing without an ACL (kafka-init adds them). The first start formats
# the storage with every account's SCRAM credential; a password changed later is changed with kafka-configs.sh.
#
# The data lives in $DATA_DIR, a directory of its own in the volume: a volume from before the broker required
# authentication keeps its old, unused data beside it (docker compose down -v removes both).
set -eu

: "${ADMIN_PASSWORD:?}" "${CONTROLLER_PASSWORD:?}" "${CLUSTER_ID:?}"
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
DATA_DIR=${DATA_DIR:-/var/lib/kafka/data/sasl}
HOST_PORT=${HOST_PORT:-9092}
CONFIG=/tmp/orderflow/server.properties
mkdir -p /tmp/orderflow "$DATA_DIR"
umask 077

scram() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$2"; }

cat >"$CONFIG" <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=INTERNAL://:29092,HOST://:$HOST_PORT,CONTROLLER://:9093
advertised.listeners=INTERNAL://kafka:29092,HOST://localhost:$HOST_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=INTERNAL
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,HOST:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=$(scram admin "$ADMIN_PASSWORD")
listener.name.host.scram-sha-512.sasl.jaas.config=$(scram admin "$ADMIN_PASSWORD")
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$CONTROLLER_PASSWORD" user_controller="$CONTROLLER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:controller
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=$DATA_DIR
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
CONF

# The health check's and an operator's client configuration: the admin.
cat >/tmp/orderflow/admin.properties <<CONF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(scram admin "$ADMIN_PASSWORD")
CONF

if [ ! -f "$DATA_DIR/meta.properties" ]; then
  # SCRAM_USERS: "name=password name=password ..." (the services' accounts, from docker-compose.yml).
  set -- --add-scram "SCRAM-SHA-512=[name=admin,password=$ADMIN_PASSWORD]"
  for account in ${SCRAM_USERS:-}; do
    set -- "$@" --add-scram "SCRAM-SHA-512=[name=${account%%=*},password=${account#*=}]"
  done
  "$KAFKA_HOME/bin/kafka-storage.sh" format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$CONFIG" "$@"
fi
exec "$KAFKA_HOME/bin/kafka-server-start.sh" "$CONFIG"
