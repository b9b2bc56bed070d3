#!/usr/bin/env bash
# Local PostgreSQL for development: a project-owned cluster under $TB_DATA_DIR (default .data), started on loopback.
#   scripts/pg.sh install          install PostgreSQL's server binaries through apt-get when they are missing
#   scripts/pg.sh start            create the cluster on first use, start it, create the database
#   scripts/pg.sh stop             stop the cluster
#   scripts/pg.sh connection       print the connection string of the running cluster
# PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' OS user (created when missing).
set -euo pipefail

DATA_DIR=$(mkdir -p "${TB_DATA_DIR:-.data}" && cd "${TB_DATA_DIR:-.data}" && pwd)
PGDATA="$DATA_DIR/pg"
RUN_DIR="$DATA_DIR/pg-run"
PG_PORT="${TB_PG_PORT:-5433}"
DB_NAME=tumourboard
DB_USER=tumourboard
PASSWORD_FILE="$DATA_DIR/pg-password"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_binaries() {
  if pg_bin >/dev/null; then return 0; fi
  echo "Installing PostgreSQL through apt-get..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin >/dev/null || { echo "PostgreSQL binaries still missing after apt-get." >&2; exit 1; }
}

# Runs a PostgreSQL command as the OS user that owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_owner() {
  [ "$(id -u)" -eq 0 ] || return 0
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  mkdir -p "$PGDATA" "$RUN_DIR"
  chown postgres "$PGDATA" "$RUN_DIR"
  chmod 700 "$PGDATA"
  if ! runuser -u postgres -- test -x "$PGDATA"; then
    echo "The 'postgres' OS user cannot reach $PGDATA (a parent folder is closed to other users)." >&2
    echo "Set TB_DATA_DIR to a folder it can reach, e.g. TB_DATA_DIR=/var/tmp/tumourboard make run." >&2
    exit 1
  fi
}

start() {
  install_binaries
  local bin; bin=$(pg_bin)
  mkdir -p "$PGDATA" "$RUN_DIR"
  ensure_owner
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    [ -f "$PASSWORD_FILE" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$PASSWORD_FILE")
    local pwfile="$RUN_DIR/pwfile"
    cp "$PASSWORD_FILE" "$pwfile"; [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    echo "Creating the PostgreSQL cluster in $PGDATA..."
    as_owner "$bin/initdb" -D "$PGDATA" -U "$DB_USER" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    rm -f "$pwfile"
  fi
  if ! as_owner "$bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$PGDATA" -l "$RUN_DIR/postgres.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$RUN_DIR" start >/dev/null
    echo "PostgreSQL is running on 127.0.0.1:$PG_PORT (data in $PGDATA)."
  fi
  if ! as_owner "$bin/psql" -h "$RUN_DIR" -p "$PG_PORT" -U "$DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'" | grep -q 1; then
    as_owner "$bin/psql" -h "$RUN_DIR" -p "$PG_PORT" -U "$DB_USER" -d postgres -qc "CREATE DATABASE $DB_NAME" >/dev/null
  fi
}

stop() {
  local bin; bin=$(pg_bin) || { echo "PostgreSQL is not installed."; return 0; }
  if [ -f "$PGDATA/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    echo "PostgreSQL stopped."
  else
    echo "PostgreSQL was not running."
  fi
}

connection() {
  [ -f "$PASSWORD_FILE" ] || { echo "No local cluster yet: run scripts/pg.sh start." >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$DB_NAME;Username=$DB_USER;Password=$(cat "$PASSWORD_FILE")"
}

case "${1:-}" in
  install) install_binaries ;;
  start) start ;;
  stop) stop ;;
  connection) connection ;;
  *) echo "usage: $0 install|start|stop|connection" >&2; exit 2 ;;
esac
