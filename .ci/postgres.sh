# Sourced by .ci/run (bash): a throw-away PostgreSQL cluster for the tests, in a temporary directory, listening on
# 127.0.0.1 only, on a free port. lectern_postgres_start exports LECTERN_TEST_POSTGRES (the JDBC URL of its
# "postgres" database; the tests create a database per test class there) and LECTERN_TEST_REQUIRE_POSTGRES=true (the
# PostgreSQL test cases fail instead of skipping without it); the pom maps both to system properties.
# lectern_postgres_stop stops the cluster and removes its directory; lectern_postgres_start sets an EXIT trap for it.
# The cluster trades durability for speed (fsync off): it lives as long as one build.

lectern_postgres_start() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server under /usr/lib/postgresql (apt-get install -y postgresql)" >&2
    return 1
  fi
  # initdb refuses to run as root: the cluster then belongs to Debian's postgres user, in the system's temporary
  # directory (which that user can reach).
  LECTERN_PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    LECTERN_PG_DIR="$(env -u TMPDIR mktemp -d -t lectern-pg.XXXXXX)"
    chown postgres: "$LECTERN_PG_DIR"
    LECTERN_PG_AS=(runuser -u postgres --)
  else
    LECTERN_PG_DIR="$(mktemp -d -t lectern-pg.XXXXXX)"
  fi
  LECTERN_PG_BIN="$bin"
  trap lectern_postgres_stop EXIT
  "${LECTERN_PG_AS[@]}" "$bin/initdb" -D "$LECTERN_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$LECTERN_PG_DIR/initdb.log" 2>&1 || { cat "$LECTERN_PG_DIR/initdb.log" >&2; return 1; }
  local port tries=0
  while :; do
    port=$((20000 + RANDOM % 40000))
    # Something answers on the port: try another one. A port taken between this check and the start fails the
    # start, which is retried too.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      continue
    fi
    if "${LECTERN_PG_AS[@]}" "$bin/pg_ctl" -w -t 60 -D "$LECTERN_PG_DIR/data" -l "$LECTERN_PG_DIR/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $LECTERN_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
      break
    fi
    tries=$((tries + 1))
    if [ "$tries" -ge 5 ]; then
      echo "postgres.sh: PostgreSQL did not start; its log:" >&2
      cat "$LECTERN_PG_DIR/server.log" >&2
      return 1
    fi
  done
  export LECTERN_TEST_POSTGRES="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
  export LECTERN_TEST_REQUIRE_POSTGRES=true
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the tests"
}

lectern_postgres_stop() {
  if [ -n "${LECTERN_PG_DIR:-}" ] && [ -d "$LECTERN_PG_DIR" ]; then
    if [ -f "$LECTERN_PG_DIR/data/postmaster.pid" ]; then
      "${LECTERN_PG_AS[@]}" "$LECTERN_PG_BIN/pg_ctl" -w -D "$LECTERN_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$LECTERN_PG_DIR"
  fi
  LECTERN_PG_DIR=""
}
