#!/bin/sh
# Creates orderflow's topics before any service starts (docker-compose.yml's kafka-init runs it once, then exits).
# The services create missing topics themselves too; this makes the partition count explicit and visible.
set -eu

BOOTSTRAP=${BOOTSTRAP:-kafka:29092}
PARTITIONS=${PARTITIONS:-3}
KAFKA_TOPICS=${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}

for topic in billing payment billing-dlt payment-dlt; do
  "$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor 1
done
"$KAFKA_TOPICS" --bootstrap-server "$BOOTSTRAP" --describe --topic 'billing|payment|billing-dlt|payment-dlt'
