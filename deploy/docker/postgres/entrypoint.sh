#!/bin/sh
# Initialises a cluster on first start (user, password and database from the same variables as the
# public image), then runs the server. Arguments that start with '-' are server options.
set -eu
: "${POSTGRES_USER:=postgres}" "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" "${POSTGRES_DB:=$POSTGRES_USER}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$password_file"
  initdb --no-sync -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$password_file" \
    --auth=scram-sha-256 -E UTF8 --no-locale >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  if [ "$POSTGRES_DB" != "postgres" ]; then
    echo "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\";" \
      | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
fi

case "${1:-}" in
  -*) set -- postgres "$@" ;;
esac
exec "$@"
