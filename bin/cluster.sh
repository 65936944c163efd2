#!/usr/bin/env bash
# The shape of a real deployment on loopback (docs/deploy.md, "Several servers"):
#   HAProxy -> three gunicorn app servers -> PgBouncer (transaction mode) -> PostgreSQL,
#   Redis for the cache, sessions, rate limits and kept pages,
#   a task worker and a scheduler on each of the first two nodes.
# The configurations are deploy/haproxy.cfg and deploy/pgbouncer.ini, as a real server runs them.
#
#   bin/cluster.sh start | stop | status      (`make cluster` starts it; Ctrl-C does not stop it)
#
# Everything it starts runs in its own process group; the group ids are in $CLUSTER_DIR/run/*.pid
# and `stop` ends exactly those. Settings (environment, defaults in brackets):
#   CLUSTER_DIR [var/cluster]  CLUSTER_DATABASE [mscos_cluster]  APP_PORTS ["8101 8102 8103"]
#   WORKER_NODES [2]  HAPROXY_PORT [8080]  PGBOUNCER_PORT [6432]
#   POSTGRES_HOST [127.0.0.1]  POSTGRES_PORT [5432]  POSTGRES_USER [postgres] (trust on loopback)
#   REDIS_URL [redis://127.0.0.1:6379/0]  REDIS_KEY_PREFIX [mscos-cluster]
#   SCHEDULER_INTERVAL [60]  WORKER_INTERVAL [1]  WEB_CONCURRENCY [2]  EMAIL_URL [unset: var/mail]
#   NEWSLETTER_STALL_SECONDS [120]  PGBOUNCER_RUN_AS [postgres, when started as root]
# A migrated copy of the schema (database mscos_cluster_tpl_<hash of the migrations>) and the
# collected static files (var/cluster-cache/) are kept between runs, so a start takes seconds.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"  # haproxy and pgbouncer live there
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"

PY="${PY:-$REPO/.venv/bin/python}"
GUNICORN="${PY%/python}/gunicorn"
CLUSTER_DIR="$(mkdir -p "${CLUSTER_DIR:-$REPO/var/cluster}" && cd "${CLUSTER_DIR:-$REPO/var/cluster}" && pwd)"
RUN="$CLUSTER_DIR/run"
LOG="$CLUSTER_DIR/log"
CACHE="$REPO/var/cluster-cache"

# stop and status name the database the cluster in this folder was started with.
CLUSTER_DATABASE="${CLUSTER_DATABASE:-$(cat "$CLUSTER_DIR/database" 2>/dev/null || echo mscos_cluster)}"
read -r -a APP_PORT_LIST <<<"${APP_PORTS:-8101 8102 8103}"
WORKER_NODES="${WORKER_NODES:-2}"
HAPROXY_PORT="${HAPROXY_PORT:-8080}"
PGBOUNCER_PORT="${PGBOUNCER_PORT:-6432}"
POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}"
POSTGRES_PORT="${POSTGRES_PORT:-5432}"
POSTGRES_USER="${POSTGRES_USER:-postgres}"

die() { echo "cluster: $*" >&2; exit 1; }
say() { echo "cluster: $*"; }
admin_psql() {
  PGOPTIONS="--client-min-messages=warning" psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
}
database_exists() { [ "$(admin_psql -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

# The environment of every app server, worker and scheduler: what /etc/mscos/environment holds
# on a real node (deploy/systemd/). Local-mode settings because the cluster speaks plain HTTP.
node_environment() {
  export DJANGO_SETTINGS_MODULE=mscos.settings.dev
  export VAR_DIR="$CLUSTER_DIR/var"        # shared storage for the media on a real cluster
  SECRET_KEY="$(cat "$CLUSTER_DIR/secret_key")"
  export SECRET_KEY
  export DATABASE_URL="postgres://$POSTGRES_USER@127.0.0.1:$PGBOUNCER_PORT/$CLUSTER_DATABASE"
  export DATABASE_POOLER=pgbouncer
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
  export REDIS_KEY_PREFIX="${REDIS_KEY_PREFIX:-mscos-cluster}"
  export SITE_URL="http://127.0.0.1:$HAPROXY_PORT"
  export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
  export TRUSTED_PROXY_COUNT="${TRUSTED_PROXY_COUNT:-1}"
  export WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"
  export PYTHONUNBUFFERED=1  # each log line as it happens
}

# The same environment for manage.py commands run by hand against the cluster:
#   set -a; . var/cluster/environment; set +a; .venv/bin/python manage.py shell
write_environment() {
  local name
  : >"$CLUSTER_DIR/environment"
  chmod 0600 "$CLUSTER_DIR/environment"
  for name in DJANGO_SETTINGS_MODULE VAR_DIR SECRET_KEY DATABASE_URL DATABASE_POOLER REDIS_URL \
      REDIS_KEY_PREFIX SITE_URL ALLOWED_HOSTS TRUSTED_PROXY_COUNT EMAIL_URL \
      NEWSLETTER_STALL_SECONDS; do
    if [ -n "${!name+set}" ]; then printf '%s=%q\n' "$name" "${!name}" >>"$CLUSTER_DIR/environment"; fi
  done
}

# Straight to PostgreSQL, not through PgBouncer: migrate needs one long transaction.
direct_database_url() { echo "postgres://$POSTGRES_USER@$POSTGRES_HOST:$POSTGRES_PORT/$1"; }

start_process() {  # name command...: its own session and process group, output to log/name.log
  local name=$1
  shift
  setsid "$@" >>"$LOG/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

wait_for() {  # what seconds command...
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq $((seconds * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  die "$what did not come up in ${seconds}s (logs in $LOG)"
}

site_packages_fingerprint() { ls -d "${PY%/bin/python}"/lib/python3*/site-packages/*.dist-info; }

# A migrated database to copy: made once per set of migrations (and installed packages).
schema_template() {
  local key template
  key="$( { find mscos -path '*/migrations/*.py' -type f -print0 | sort -z | xargs -0 sha256sum
            site_packages_fingerprint; } | sha256sum | cut -c1-12)"
  template="mscos_cluster_tpl_$key"
  if ! database_exists "$template"; then
    say "migrating a new schema template $template (once per set of migrations)" >&2
    admin_psql -c "DROP DATABASE IF EXISTS ${template}_building"
    admin_psql -c "CREATE DATABASE ${template}_building"
    DATABASE_URL="$(direct_database_url "${template}_building")" DATABASE_POOLER="" \
      "$PY" manage.py migrate --no-input -v0 >&2
    admin_psql -c "ALTER DATABASE ${template}_building RENAME TO $template"
    for old in $(admin_psql -c "SELECT datname FROM pg_database
        WHERE datname LIKE 'mscos\_cluster\_tpl\_%' AND datname <> '$template'"); do
      admin_psql -c "DROP DATABASE IF EXISTS $old" >/dev/null 2>&1 || true
    done
  fi
  echo "$template"
}

# Static files, collected once per set of sources (collectstatic compresses every file: slow).
static_files() {
  local key target
  key="$( { find mscos -path '*/static/*' -type f -print0 | sort -z | xargs -0 sha256sum
            site_packages_fingerprint; } | sha256sum | cut -c1-12)"
  target="$CACHE/static-$key"
  if [ ! -d "$target" ]; then
    say "collecting static files into $target (once per set of sources)" >&2
    local building="$CACHE/building-$$"
    rm -rf "$building"
    VAR_DIR="$building" "$PY" manage.py collectstatic --no-input -v0 >&2
    mv "$building/static" "$target"
    rm -rf "$building"
    find "$CACHE" -maxdepth 1 -name 'static-*' ! -name "static-$key" -exec rm -rf {} +
  fi
  echo "$target"
}

pgbouncer_config() {  # deploy/pgbouncer.ini with the loopback cluster's database, port and auth
  local user_file="$CLUSTER_DIR/pgbouncer-userlist.txt"
  printf '"%s" ""\n' "$POSTGRES_USER" >"$user_file"
  sed -e "s|^mscos = .*|$CLUSTER_DATABASE = host=$POSTGRES_HOST port=$POSTGRES_PORT dbname=$CLUSTER_DATABASE|" \
      -e "s|^listen_port = .*|listen_port = $PGBOUNCER_PORT|" \
      -e "s|^unix_socket_dir = .*|unix_socket_dir =|" \
      -e "s|^auth_type = .*|auth_type = trust|" \
      -e "s|^auth_file = .*|auth_file = $user_file|" \
      -e "s|^admin_users = .*|admin_users = $POSTGRES_USER|" \
      deploy/pgbouncer.ini >"$CLUSTER_DIR/pgbouncer.ini"
  chmod 0644 "$CLUSTER_DIR/pgbouncer.ini" "$user_file"
}

answers() { curl -fsS -o /dev/null --max-time 5 "$1"; }

start() {
  command -v haproxy >/dev/null || die "haproxy is missing: apt-get install haproxy"
  command -v pgbouncer >/dev/null || die "pgbouncer is missing: apt-get install pgbouncer"
  command -v psql >/dev/null || die "psql is missing: apt-get install postgresql-client"
  mkdir -p "$RUN" "$LOG" "$CLUSTER_DIR/var" "$CACHE"
  for pid_file in "$RUN"/*.pid; do
    [ -e "$pid_file" ] || continue
    if kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      die "already running ($pid_file); bin/cluster.sh stop first"
    fi
    rm -f "$pid_file"
  done
  [ -s "$CLUSTER_DIR/secret_key" ] || (umask 077 && "$PY" -c \
    'import secrets; print(secrets.token_urlsafe(50))' >"$CLUSTER_DIR/secret_key")

  node_environment
  exec 9>"$CACHE/lock"   # two clusters starting at once build the template and files once
  flock 9
  local template static
  template="$(schema_template)"
  static="$(static_files)"
  if ! database_exists "$CLUSTER_DATABASE"; then
    admin_psql -c "CREATE DATABASE $CLUSTER_DATABASE TEMPLATE $template"
  fi
  flock -u 9
  echo "$CLUSTER_DATABASE" >"$CLUSTER_DIR/database"
  ln -sfn "$static" "$CLUSTER_DIR/var/static"

  # Nothing to apply on a copy of the template; moves Wagtail's site record to SITE_URL.
  DATABASE_URL="$(direct_database_url "$CLUSTER_DATABASE")" DATABASE_POOLER="" \
    "$PY" manage.py migrate --no-input -v0

  write_environment
  pgbouncer_config
  local run_as=()
  if [ "$(id -u)" = 0 ]; then run_as=(-u "${PGBOUNCER_RUN_AS:-postgres}"); fi
  start_process pgbouncer pgbouncer "${run_as[@]}" "$CLUSTER_DIR/pgbouncer.ini"
  wait_for PgBouncer 20 psql -h 127.0.0.1 -p "$PGBOUNCER_PORT" -U "$POSTGRES_USER" \
    -d "$CLUSTER_DATABASE" -Atqc "SELECT 1"

  local node=0 port
  for port in "${APP_PORT_LIST[@]}"; do
    node=$((node + 1))
    start_process "app$node" "$GUNICORN" --config gunicorn.conf.py --bind "127.0.0.1:$port" \
      --graceful-timeout 10 mscos.wsgi
    if [ "$node" -le "$WORKER_NODES" ]; then
      start_process "worker$node" "$PY" manage.py db_worker --queue-name "*" \
        --interval "${WORKER_INTERVAL:-1}" --worker-id "node$node" --no-startup-delay
      start_process "scheduler$node" "$PY" manage.py run_scheduler \
        --interval "${SCHEDULER_INTERVAL:-60}"
    fi
  done

  export HAPROXY_BIND="127.0.0.1:$HAPROXY_PORT"
  export HAPROXY_APP1="127.0.0.1:${APP_PORT_LIST[0]}"
  export HAPROXY_APP2="127.0.0.1:${APP_PORT_LIST[1]:-${APP_PORT_LIST[0]}}"
  export HAPROXY_APP3="127.0.0.1:${APP_PORT_LIST[2]:-${APP_PORT_LIST[0]}}"
  export HAPROXY_LOG=stdout
  haproxy -c -q -f deploy/haproxy.cfg || die "deploy/haproxy.cfg is not valid"
  start_process haproxy haproxy -f deploy/haproxy.cfg

  for port in "${APP_PORT_LIST[@]}"; do
    wait_for "the app server on port $port" 120 answers "http://127.0.0.1:$port/robots.txt"
  done
  wait_for HAProxy 20 answers "http://127.0.0.1:$HAPROXY_PORT/robots.txt"
  say "serving on $SITE_URL (HAProxy) in front of ${APP_PORT_LIST[*]}; logs in $LOG"
  say "bin/cluster.sh stop ends it"
}

stop_group() {  # name...: TERM to each process group, then KILL what is left after 15 s
  local name pid waiting
  for name in "$@"; do
    [ -f "$RUN/$name.pid" ] && kill -TERM -- "-$(cat "$RUN/$name.pid")" 2>/dev/null || true
  done
  for _ in $(seq 75); do
    waiting=0
    for name in "$@"; do alive "$name" && waiting=1; done
    [ "$waiting" = 0 ] && break
    sleep 0.2
  done
  for name in "$@"; do
    [ -f "$RUN/$name.pid" ] || continue
    pid="$(cat "$RUN/$name.pid")"
    # Also what is left of a group whose leader is gone (a killed gunicorn master's workers).
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$RUN/$name.pid"
  done
}

stop() {  # the proxy first, then the nodes, the pooler last
  local names=() pid_file
  stop_group haproxy
  for pid_file in "$RUN"/app*.pid "$RUN"/scheduler*.pid "$RUN"/worker*.pid; do
    [ -e "$pid_file" ] && names+=("$(basename "$pid_file" .pid)")
  done
  [ ${#names[@]} -eq 0 ] || stop_group "${names[@]}"
  stop_group pgbouncer
  say "stopped; the database $CLUSTER_DATABASE is kept (dropdb it when done)"
}

status() {
  local any=1 pid_file name
  for pid_file in "$RUN"/*.pid; do
    [ -e "$pid_file" ] || continue
    name="$(basename "$pid_file" .pid)"
    if alive "$name"; then
      echo "$name running (pid $(cat "$pid_file"))"
      any=0
    else
      echo "$name stopped"
    fi
  done
  return $any
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: bin/cluster.sh start|stop|status" >&2; exit 2 ;;
esac
