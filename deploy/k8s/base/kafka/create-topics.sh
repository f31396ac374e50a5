#!/bin/bash
# Creates Zhenwu's topics and their dead-letter topics, idempotently (--if-not-exists), then describes them.
# Used by the compose stack's kafka-topics service and by the Kubernetes Job (kafka-topics), both in the
# apache/kafka image. The topic names are the contracts' (org.zhenwu.contracts.*.v1.*Topics, docs/events.md).
#
# KAFKA_BOOTSTRAP               brokers, e.g. kafka-1:9092,kafka-2:9092,kafka-3:9092
# TOPIC_PARTITIONS              6: the most consumer instances per group that do work; a DLT has as many
#                               partitions as its topic (the dead-letter recoverer keeps the partition number)
# TOPIC_REPLICATION_FACTOR      3
# TOPIC_MIN_INSYNC_REPLICAS     2: with acks=all a write survives the loss of any one broker
# TOPIC_RETENTION_MS            7 days; shorter than the inbox's 14 days (zhenwu.outbox.inbox-retention), so a
#                               redelivered record always finds its inbox row
# DLT_RETENTION_MS              30 days: time to look at, fix and replay failed records
set -euo pipefail

BOOTSTRAP=${KAFKA_BOOTSTRAP:?KAFKA_BOOTSTRAP is required}
PARTITIONS=${TOPIC_PARTITIONS:-6}
RF=${TOPIC_REPLICATION_FACTOR:-3}
MIN_ISR=${TOPIC_MIN_INSYNC_REPLICAS:-2}
RETENTION_MS=${TOPIC_RETENTION_MS:-604800000}
DLT_RETENTION_MS=${DLT_RETENTION_MS:-2592000000}
KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}

TOPICS=(
  document.document.v1
  document.supervision.v1
  service-hall.matter.v1
  service-hall.application.v1
  hotline.work-order.v1
  fleet.vehicle.v1
  fleet.trip.v1
  fleet.alert.v1
  congress.suggestion.v1
  congress.livelihood.v1
)

topics() { "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" "$@"; }

# The brokers may still be electing a controller: wait up to 2 minutes for the cluster to answer.
for attempt in $(seq 1 60); do
  if topics --list >/dev/null 2>&1; then break; fi
  if [ "$attempt" -eq 60 ]; then echo "Kafka at $BOOTSTRAP did not answer" >&2; exit 1; fi
  sleep 2
done

create() {
  topics --create --if-not-exists --topic "$1" --partitions "$PARTITIONS" --replication-factor "$RF" \
    --config min.insync.replicas="$MIN_ISR" \
    --config unclean.leader.election.enable=false \
    --config retention.ms="$2"
}

for topic in "${TOPICS[@]}"; do
  create "$topic" "$RETENTION_MS"
  create "$topic.DLT" "$DLT_RETENTION_MS"
done

topics --describe --topic '.*\.v[0-9]+(\.DLT)?' | grep -E '^Topic:' || true
echo "created or found ${#TOPICS[@]} topics and their DLTs (partitions=$PARTITIONS, rf=$RF, min.insync.replicas=$MIN_ISR)"
