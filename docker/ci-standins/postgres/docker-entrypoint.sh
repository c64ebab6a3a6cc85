#!/bin/bash
# CI stand-in only: the start-up of the postgres image, as far as docker-compose.yml uses it. On an empty data
# directory: initdb with POSTGRES_USER / POSTGRES_PASSWORD, the database POSTGRES_DB, then every *.sql and *.sh of
# /docker-entrypoint-initdb.d in name order; then the server in the foreground, listening on every address.
set -euo pipefail

PGDATA=${PGDATA:-/var/lib/postgresql/data}
export PGDATA
if [[ $(id -u) == 0 ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"
POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
socket=/var/run/postgresql

if [[ ! -s $PGDATA/PG_VERSION ]]; then
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -k $socket" start
  psql=(psql -v ON_ERROR_STOP=1 -h "$socket" -U "$POSTGRES_USER" --no-psqlrc)
  if [[ $POSTGRES_DB != postgres ]]; then
    "${psql[@]}" -d postgres -c "create database \"$POSTGRES_DB\""
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case $f in
      *.sql) echo "postgres stand-in: running $f"; "${psql[@]}" -d "$POSTGRES_DB" -f "$f" ;;
      *.sh) echo "postgres stand-in: running $f"; . "$f" ;;
      *) [[ -e $f ]] && echo "postgres stand-in: ignoring $f" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -w -m fast stop
  echo "postgres stand-in: initialised"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' -k "$socket" "$@"
