#!/bin/sh
# Makes the compose file's broker ready before any service starts (docker-compose.yml's kafka-init runs it once, then
# exits), as the admin: the ACLs of every service, then the topics. The services may do nothing without their ACLs and
# do not create topics (docs/adr/0010-least-privilege.md).
#
# The ACLs are the stack module's KafkaAccess (stack/src/main/java/dev/orderflow/stack/KafkaAccess.java), the topic list
# dev.orderflow.events.Topics (common-events/src/main/java/dev/orderflow/events/Topics.java): every topic of Topics.ALL
# and its dead-letter topic. This script runs in the Kafka image, without Java of ours, so it repeats both; bin/stack's
# SetUpKafka reads them from the code. stack's ComposeKafkaScriptTest fails the build when the two differ.
#
# The event topics keep their records for 30 days (RETENTION_MS), the archive that replays read again; the dead-letter
# topics the broker's default. Set on creation and, idempotently, on a topic that exists already. Adding an ACL that
# exists changes nothing.
set -eu

BOOTSTRAP=${BOOTSTRAP:-kafka:29092}
PARTITIONS=${PARTITIONS:-3}
RETENTION_MS=${RETENTION_MS:-2592000000}
KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
: "${ADMIN_PASSWORD:?}"

EVENT_TOPICS="billing payment fulfillment"
DEAD_LETTER_TOPICS="billing-dlt payment-dlt fulfillment-dlt"

ADMIN_CONFIG=$(mktemp)
trap 'rm -f "$ADMIN_CONFIG"' EXIT
cat >"$ADMIN_CONFIG" <<CONF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PASSWORD";
CONF
export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx128m}

topics() { for topic in "$@"; do printf -- '--topic %s ' "$topic"; done; }

# allow PRINCIPAL OPERATION RESOURCE-ARGS...: one kafka-acls.sh run.
allow() {
  principal=$1 operation=$2
  shift 2
  # shellcheck disable=SC2068 # the resource arguments are words on purpose
  "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
    --allow-principal "User:$principal" --operation "$operation" $@ >/dev/null
}

# service NAME "PUBLISHES" "CONSUMES": writes what it publishes and the DLTs of what it consumes, reads what it
# consumes as the group of its name, describes every topic. Runs in the background; waited for below.
service() {
  name=$1 publishes=$2 consumes=$3
  writes=$publishes
  for topic in $consumes; do writes="$writes $topic-dlt"; done
  (
    [ -z "$writes" ] || allow "$name" Write $(topics $writes)
    allow "$name" Read $(topics $consumes) --group "$name"
    allow "$name" Describe $(topics $EVENT_TOPICS $DEAD_LETTER_TOPICS)
  ) &
}

for topic in $EVENT_TOPICS $DEAD_LETTER_TOPICS; do
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --create \
    --if-not-exists --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1
done
for topic in $EVENT_TOPICS; do
  "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
    --entity-type topics --entity-name "$topic" --add-config "retention.ms=$RETENTION_MS"
done

service order-service "billing" "payment fulfillment"
service billing-service "billing payment" "billing"
service notification-service "" "payment fulfillment"
service push-service "" "payment fulfillment"
service fulfillment-service "fulfillment" "billing payment fulfillment"
# fulfillment-service's dead-letter views read every DLT; its redrive to the event topics is fulfillment-redrive's.
allow fulfillment-service Read $(topics $DEAD_LETTER_TOPICS) &
allow fulfillment-redrive Write $(topics $EVENT_TOPICS) &
wait

"$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --list
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --describe \
  --topic "$(echo $EVENT_TOPICS $DEAD_LETTER_TOPICS | tr ' ' '|')"
