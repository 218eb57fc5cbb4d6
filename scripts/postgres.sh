#!/usr/bin/env bash
# Source this file: starts a throwaway PostgreSQL cluster on 127.0.0.1 for the tests, exports
# TEST_DATABASE_URL, and removes the cluster when the calling shell exits.
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && pg_bin="$dir"; done
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's postgresql…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/initdb" ] && pg_bin="$dir"; done
  fi
fi
if [ -z "$pg_bin" ]; then
  echo "PostgreSQL is missing: install it with 'sudo apt-get install -y postgresql-15' (the tests need a real server)." >&2
  return 1 2>/dev/null || exit 1
fi

PG_PORT="${PG_PORT:-54329}"
PG_DIR="$(mktemp -d /tmp/lumomate-pg.XXXXXX)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$PG_DIR"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null || { echo "initdb failed" >&2; return 1 2>/dev/null || exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on -c max_connections=200" start >/dev/null \
  || { cat "$PG_DIR/log" >&2; return 1 2>/dev/null || exit 1; }
"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres lumomate_test
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/lumomate_test"
stop_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT (removed on exit)"
