#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server for the tests and benchmarks of jdbc-ledger.
#
#   scripts/with-postgres.sh mvn -B -Dquick -pl jdbc-ledger verify
#   scripts/with-postgres.sh bash          # a shell with the variables set; the server stops when it exits
#
# Installs PostgreSQL from Debian's packages where it is missing (as root; apt-get), creates a new
# cluster in a temporary directory, starts it on 127.0.0.1 on a free port, creates a user and a
# database, exports
#
#   OPENPROOF_TEST_PG_URL       jdbc:postgresql://127.0.0.1:PORT/openproof
#   OPENPROOF_TEST_PG_USER      openproof
#   OPENPROOF_TEST_PG_PASSWORD  a random password
#
# runs the command, and stops the server and removes the cluster when the command ends, whatever
# its outcome; the command's exit status is the script's. Run as root, the server runs as the
# `postgres` user; run as anyone else, as that user.
#
# Environment:
#   OPENPROOF_PG_DURABLE=1   keep fsync and synchronous commit on (for benchmarks); by default they
#                            are off, which is safe for a cluster thrown away after the tests
#   OPENPROOF_PG_KEEP=1      leave the cluster's directory behind (its log is server.log)
set -euo pipefail

if [[ $# -eq 0 ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
  exit 2
fi

log() { echo "with-postgres: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    echo "$dir"
  fi
}

PG_BIN=$(find_bin)
if [[ -z "$PG_BIN" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    log "PostgreSQL is not installed and only root can install it: sudo apt-get install -y postgresql"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The package's own cluster is not used; policy-rc.d keeps the package from starting it.
  apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(find_bin)
  if [[ -z "$PG_BIN" ]]; then
    log "PostgreSQL was installed but no initdb was found under /usr/lib/postgresql"
    exit 1
  fi
fi

DATA_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/openproof-pg.XXXXXX")
DATA="$DATA_ROOT/data"
SOCKETS="$DATA_ROOT/sockets"
mkdir -p "$SOCKETS"

# As root, the server runs as the postgres user, which must own the cluster's files.
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    log "running as root but there is no 'postgres' user (it comes with Debian's postgresql-common)"
    exit 1
  fi
  chown -R postgres: "$DATA_ROOT"
  chmod 755 "$DATA_ROOT"
  as_server() { (cd / && runuser -u postgres -- "$@"); }
else
  as_server() { "$@"; }
fi

PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
SERVER_STARTED=0

cleanup() {
  local status=$?
  if [[ $SERVER_STARTED -eq 1 ]]; then
    as_server "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ "${OPENPROOF_PG_KEEP:-0}" == 1 ]]; then
    log "cluster left in $DATA_ROOT"
  else
    rm -rf "$DATA_ROOT"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_server "$PG_BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$DATA_ROOT/initdb.log" 2>&1 || {
    cat "$DATA_ROOT/initdb.log" >&2
    exit 1
  }

if [[ "${OPENPROOF_PG_DURABLE:-0}" == 1 ]]; then
  SPEED=""
else
  SPEED="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port: try a few at random; a port taken between the look and the start fails the start,
# and the next one is tried.
for attempt in 1 2 3 4 5 6 7 8; do
  PORT=$((20000 + RANDOM % 30000))
  if port_in_use "$PORT"; then
    continue
  fi
  if as_server "$PG_BIN/pg_ctl" -D "$DATA" -l "$DATA_ROOT/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$SOCKETS -c max_connections=200 $SPEED" \
      start >/dev/null; then
    SERVER_STARTED=1
    break
  fi
  log "the server did not start on port $PORT; trying another"
done
if [[ $SERVER_STARTED -ne 1 ]]; then
  log "PostgreSQL did not start; its log follows"
  cat "$DATA_ROOT/server.log" >&2 || true
  exit 1
fi

as_server "$PG_BIN/psql" -h "$SOCKETS" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q <<SQL >/dev/null
CREATE ROLE openproof LOGIN PASSWORD '$PASSWORD';
CREATE DATABASE openproof OWNER openproof;
SQL

export OPENPROOF_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PORT/openproof"
export OPENPROOF_TEST_PG_USER="openproof"
export OPENPROOF_TEST_PG_PASSWORD="$PASSWORD"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') is up at $OPENPROOF_TEST_PG_URL"

set +e
"$@"
status=$?
set -e
exit $status
