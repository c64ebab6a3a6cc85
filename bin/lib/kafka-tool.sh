#!/usr/bin/env bash
# Runs one of Apache Kafka's own command-line tools (the Java classes behind Kafka's bin/*.sh) with its own flags,
# from stack/target/lib, building the stack module first when it is missing. Used by bin/kafka-*.sh:
#   bin/lib/kafka-tool.sh CLASS ARGS...
# Log output is warnings only, on standard error, so that standard output is the tool's alone.
#
# The broker takes authenticated clients only (SASL/SCRAM, docs/adr/0010-least-privilege.md): unless the arguments name
# a client configuration of their own (--command-config, --consumer.config, --producer.config), the tool authenticates
# as the admin with .stack/conf/admin.properties, which bin/stack up writes; without it (e.g. against the compose file's
# broker), with the admin password STACK_SECRET_ADMIN, by default the local stacks' admin-dev.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bin/lib/jdk.sh
. "$ROOT/bin/lib/jdk.sh"
orderflow_find_jdk || exit 1

if [[ ! -d $ROOT/stack/target/lib || ! -d $ROOT/stack/target/classes ]]; then
  echo "building the stack module (Kafka's tools) ..." >&2
  mkdir -p "$ROOT/.stack/logs"
  if ! (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl stack -am package) \
    >"$ROOT/.stack/logs/build-stack.log" 2>&1; then
    echo "The build failed; last lines of .stack/logs/build-stack.log:" >&2
    tail -n 30 "$ROOT/.stack/logs/build-stack.log" >&2
    exit 1
  fi
fi

main=$1
shift

config=()
own_config=0
for arg in "$@"; do
  case $arg in --command-config | --command-config=* | --consumer.config* | --producer.config*) own_config=1 ;; esac
done
if ((!own_config)); then
  admin_config="$ROOT/.stack/conf/admin.properties"
  if [[ ! -f $admin_config ]]; then
    admin_config=$(mktemp)
    trap 'rm -f "$admin_config"' EXIT
    cat >"$admin_config" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${STACK_SECRET_ADMIN:-admin-dev}";
EOF
  fi
  config=(--command-config "$admin_config")
fi
# Not exec: a temporary client configuration is removed on exit.
# shellcheck disable=SC2086 # KAFKA_OPTS is a list of JVM options, as for Kafka's own scripts
"$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dorderflow.log.level=WARN -Dorderflow.log.target=SYSTEM_ERR ${KAFKA_OPTS:-} \
  -cp "$ROOT/stack/target/lib/*:$ROOT/stack/target/classes" "$main" "${config[@]+"${config[@]}"}" "$@"
