#!/bin/sh
# Creates orderflow's topics before any service starts (docker-compose.yml's kafka-init runs it once, then exits).
# The services create missing topics themselves too; this makes the partition count and the retention explicit.
#
# The topic list is dev.orderflow.events.Topics (common-events/src/main/java/dev/orderflow/events/Topics.java):
# every topic of Topics.ALL and its dead-letter topic. This script runs in the Kafka image, without Java of ours, so it
# repeats the list; bin/stack's CreateTopics reads it from Topics. Change both together.
#
# The event topics keep their records for 30 days (RETENTION_MS), the archive that replays read again; the dead-letter
# topics the broker's default. Set on creation and, idempotently, on a topic that exists already.
set -eu

BOOTSTRAP=${BOOTSTRAP:-kafka:29092}
PARTITIONS=${PARTITIONS:-3}
RETENTION_MS=${RETENTION_MS:-2592000000}
KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}

EVENT_TOPICS="billing payment fulfillment"
DEAD_LETTER_TOPICS="billing-dlt payment-dlt fulfillment-dlt"

for topic in $EVENT_TOPICS $DEAD_LETTER_TOPICS; do
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1
done
for topic in $EVENT_TOPICS; do
  "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --alter --entity-type topics --entity-name "$topic" \
    --add-config "retention.ms=$RETENTION_MS"
done
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe \
  --topic "$(echo $EVENT_TOPICS $DEAD_LETTER_TOPICS | tr ' ' '|')"
