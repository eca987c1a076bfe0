#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:${PGPORT:-55432} with database "mmq" (user
# postgres/postgres), as root, non-interactively; installs PostgreSQL with apt when missing.
# Writes the data directory's path to /tmp/mmq-pg/$PGPORT/PGDATA (and the binaries' to PGBIN) so
# that tests run as root can stop and start this server (the pool-recovery test of
# adapters-persistence finds it by the port of MMQ_TEST_PG_URL).
# Then: MMQ_TEST_PG_URL=jdbc:postgresql://127.0.0.1:55432/mmq mvn -B -ntp verify
set -euo pipefail
PGPORT=${PGPORT:-55432}
STATE_DIR=/tmp/mmq-pg/$PGPORT
PGDATA=${PGDATA:-$STATE_DIR/data}
if [ "$(id -u)" != 0 ]; then
  echo "pg-start.sh must run as root (it runs initdb and pg_ctl as the postgres user)" >&2
  exit 1
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
install -d -m 755 /tmp/mmq-pg "$STATE_DIR"
# a server left running on this port by an earlier run (whatever its data directory under
# /tmp/mmq-pg) or on this PGDATA: stop it before wiping
for pid_file in "$PGDATA/postmaster.pid" /tmp/mmq-pg/*/postmaster.pid /tmp/mmq-pg/*/data/postmaster.pid; do
  [ -f "$pid_file" ] || continue
  if [ "$(dirname "$pid_file")" = "$PGDATA" ] || [ "$(sed -n 4p "$pid_file")" = "$PGPORT" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$(dirname "$pid_file")" -m immediate -w stop || true
  fi
done
rm -rf "$PGDATA"
install -d -o postgres -g postgres -m 700 "$PGDATA"
PWFILE=$(mktemp); echo postgres > "$PWFILE"; chown postgres "$PWFILE"
# initdb refuses to run as root: run it as the 'postgres' system user that the Debian package
# creates (the parent directories must be traversable by that user)
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A scram-sha-256 \
  --pwfile="$PWFILE" -E UTF8 --locale=C.UTF-8 >/dev/null
rm -f "$PWFILE"
# settings in the configuration file, so that a plain "pg_ctl -D $PGDATA start" (the restart
# test) brings the server back exactly as it was
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA'
fsync = off
CONF
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start
PGPASSWORD=postgres psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE mmq"
echo "$PGDATA" > "$STATE_DIR/PGDATA"
echo "$PGBIN" > "$STATE_DIR/PGBIN"
echo "PostgreSQL ready on 127.0.0.1:$PGPORT (database mmq, user postgres/postgres; PGDATA $PGDATA)"
