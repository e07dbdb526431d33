# Sourced by ./quest: the whole distributed QuestMesh on this machine, as plain processes.
#   up_start   PostgreSQL and RabbitMQ (private throwaway instances from Debian's packages), every
#              service host as its own process (two runners), the gateway; writes $UP_DIR/env
#   up_stop    stops exactly what up_start started, by the PIDs it recorded, and removes $UP_DIR
# Needs ROOT and CONFIG from ./quest.

UP_DIR=${UP_DIR:-$ROOT/artifacts/up}
UP_PIDS=$UP_DIR/pids
PG_BIN=/usr/lib/postgresql/15/bin
UP_SERVICES=(orchestrator generator static-analysis runner runner supervisor fixer)

up_free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A port whose RabbitMQ distribution port (port + 20000) is also free and below 65536.
up_free_amqp_port() {
  /usr/bin/python3 - <<'PYEOF'
import socket
for _ in range(200):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    if port + 20000 >= 65536:
        continue
    d = socket.socket()
    try:
        d.bind(("127.0.0.1", port + 20000))
    except OSError:
        continue
    finally:
        d.close()
    print(port)
    break
PYEOF
}

up_record() { echo "$1 $2" >> "$UP_PIDS"; }   # name pid

up_as() { # user command... (root runs the servers as their own users; others run them as themselves)
  local user=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

up_postgres() {
  local port=$1 data=$UP_DIR/postgres
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres: "$data"
  up_as postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-locale >"$UP_DIR/postgres-init.log" 2>&1 \
    || { echo "quest up: initdb failed; see $UP_DIR/postgres-init.log" >&2; return 1; }
  # The server writes its log as its own user, so inside its data folder.
  up_as postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null \
    || { echo "quest up: PostgreSQL did not start; see $data/server.log" >&2; return 1; }
  up_record postgres "$(head -1 "$data/postmaster.pid")"
  up_as postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE questmesh" >/dev/null
}

up_rabbitmq() {
  local port=$1 base=$UP_DIR/rabbitmq sbin
  sbin=$(echo /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin)
  mkdir -p "$base/mnesia" "$base/log" "$base/home"
  echo '[].' > "$base/enabled_plugins"
  [ "$(id -u)" = 0 ] && chown -R rabbitmq: "$base"
  local node="q$port@localhost"
  local env=(HOME="$base/home" RABBITMQ_NODENAME="$node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$port" RABBITMQ_DIST_PORT=$((port + 20000)) RABBITMQ_MNESIA_BASE="$base/mnesia"
    RABBITMQ_LOG_BASE="$base/log" RABBITMQ_FEATURE_FLAGS_FILE="$base/feature_flags"
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" RABBITMQ_PID_FILE="$base/rabbitmq.pid"
    RABBITMQ_CONFIG_FILE="$base/rabbitmq")
  local user epmd_before
  user=$( [ "$(id -u)" = 0 ] && echo rabbitmq || id -un )
  epmd_before=$(pgrep -u "$user" -x epmd || true)
  up_as rabbitmq env "${env[@]}" setsid "$sbin/rabbitmq-server" >"$UP_DIR/rabbitmq.log" 2>&1 &
  # 'wait' waits for the PID file and the node; await_startup alone gives up at once when the node has
  # not yet registered with epmd.
  if ! up_as rabbitmq env "${env[@]}" timeout 90 "$sbin/rabbitmqctl" -n "$node" wait --timeout 90 "$base/rabbitmq.pid" >/dev/null 2>&1 \
    || ! up_as rabbitmq env "${env[@]}" timeout 90 "$sbin/rabbitmqctl" -n "$node" await_startup >/dev/null 2>&1; then
    echo "quest up: RabbitMQ did not start; see $UP_DIR/rabbitmq.log" >&2
    return 1
  fi
  up_record rabbitmq "$(cat "$base/rabbitmq.pid")"
  # The node starts an epmd daemon unless one ran already; a new one is ours to stop too.
  local epmd
  for epmd in $(pgrep -u "$user" -x epmd || true); do
    echo "$epmd_before" | grep -qx "$epmd" || up_record epmd "$epmd"
  done
  return 0
}

up_dll() { # service → its assembly in the build output
  case "$1" in
    gateway) echo "$ROOT/gateway/QuestMesh.Gateway/bin/$CONFIG/net10.0/questmesh-gateway.dll" ;;
    static-analysis) echo "$ROOT/services/QuestMesh.StaticAnalysis.Host/bin/$CONFIG/net10.0/questmesh-static-analysis.dll" ;;
    *) local name; name=$(echo "$1" | sed 's/^./\U&/'); echo "$ROOT/services/QuestMesh.$name.Host/bin/$CONFIG/net10.0/questmesh-$1.dll" ;;
  esac
}

up_service() { # name port [VAR=value...]
  local name=$1 port=$2; shift 2
  local log="$UP_DIR/$name-$port.log"
  env "${UP_COMMON_ENV[@]}" "$@" setsid dotnet "$(up_dll "$name")" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  up_record "$name" $!
}

up_wait_ready() { # url name
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "quest up: $2 is not ready at $1; see its log in $UP_DIR" >&2
  return 1
}

up_start() {
  if [ -s "$UP_PIDS" ]; then
    echo "quest up: already up (see $UP_DIR/env); run './quest down' first" >&2
    return 1
  fi
  rm -rf "$UP_DIR"; mkdir -p "$UP_DIR"; : > "$UP_PIDS"
  local pg_port amqp_port api_port gateway_port key
  pg_port=$(up_free_port); amqp_port=$(up_free_amqp_port)
  up_postgres "$pg_port" || return 1
  up_rabbitmq "$amqp_port" || return 1
  UP_COMMON_ENV=(QUESTMESH_Bus__Transport=RabbitMq QUESTMESH_Bus__RabbitMq__Host=127.0.0.1
    QUESTMESH_Bus__RabbitMq__Port="$amqp_port" QUESTMESH_Python__WorkRoot="$UP_DIR/work")
  api_port=$(up_free_port)
  up_service orchestrator "$api_port" QUESTMESH_Persistence__Provider=PostgreSql \
    "QUESTMESH_Persistence__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=questmesh;Username=postgres"
  # The orchestrator migrates the database and binds its queues before the workers start.
  up_wait_ready "http://127.0.0.1:$api_port/health/ready" orchestrator || return 1
  local service
  for service in "${UP_SERVICES[@]:1}"; do
    up_service "$service" "$(up_free_port)"
  done
  key=$(/usr/bin/python3 -c 'import secrets; print("qm-" + secrets.token_urlsafe(24))')
  gateway_port=$(up_free_port)
  up_service gateway "$gateway_port" QUESTMESH_Gateway__ApiKeys__0__Key="$key" QUESTMESH_Gateway__ApiKeys__0__Tenant=demo \
    QUESTMESH_ReverseProxy__Clusters__orchestrator__Destinations__primary__Address="http://127.0.0.1:$api_port/"
  up_wait_ready "http://127.0.0.1:$gateway_port/health/ready" gateway || return 1
  for log in "$UP_DIR"/*-[0-9]*.log; do
    local name port
    name=$(basename "$log" .log); port=${name##*-}; name=${name%-*}
    up_wait_ready "http://127.0.0.1:$port/health/ready" "$name" || return 1
  done
  {
    echo "QUESTMESH_URL=http://127.0.0.1:$gateway_port"
    echo "QUESTMESH_KEY=$key"
  } > "$UP_DIR/env"
  chmod 600 "$UP_DIR/env"
}

up_stop_pid() { # name pid: TERM, then KILL after 20 s
  local name=$1 pid=$2
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  echo "quest down: $name ($pid) ignored SIGTERM; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

up_stop() {
  if [ ! -s "$UP_PIDS" ]; then
    echo "quest down: nothing is up (no $UP_PIDS)" >&2
    return 0
  fi
  # Services first (gateway and workers, then the orchestrator), the servers last.
  local order=(gateway generator static-analysis runner supervisor fixer orchestrator rabbitmq epmd postgres)
  local name pid wanted
  for wanted in "${order[@]}"; do
    while read -r name pid; do
      [ "$name" = "$wanted" ] && up_stop_pid "$name" "$pid"
    done < "$UP_PIDS"
  done
  rm -rf "$UP_DIR"
}
