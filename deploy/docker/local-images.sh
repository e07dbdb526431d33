# Sourced by ./quest: a Docker engine and the images the integration tests use, built locally from
# Debian packages on machines where no container registry is reachable (shared/STACK.md).
# Functions: local_docker_up, local_images_build, local_docker_cleanup, local_docker_down.

LOCAL_DOCKER_DIR=${LOCAL_DOCKER_DIR:-$ROOT/artifacts/docker}
LOCAL_IMAGE_PREFIX=questmesh-local
LOCAL_BASE_IMAGE=$LOCAL_IMAGE_PREFIX/debian:bookworm
LOCAL_POSTGRES_IMAGE=$LOCAL_IMAGE_PREFIX/postgres:15
LOCAL_RABBITMQ_IMAGE=$LOCAL_IMAGE_PREFIX/rabbitmq:3.10
# The base of the service images (deploy/docker/Dockerfile) where the official .NET images cannot be pulled.
LOCAL_DOTNET_IMAGE=$LOCAL_IMAGE_PREFIX/dotnet-aspnet:10.0
# Debian's engine speaks API 1.41; newer clients (and Testcontainers) ask for more unless told.
export DOCKER_API_VERSION=1.41
DOCKER=/usr/bin/docker
LOCAL_DOCKERD_PID=

# Starts dockerd in the background unless an engine already answers. Returns 1 when none can run.
local_docker_up() {
  if [ -x "$DOCKER" ] && "$DOCKER" info >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" != 0 ] || ! command -v dockerd >/dev/null; then
    echo "no Docker engine answers and this user cannot start one (needs root and Debian's docker.io)" >&2
    return 1
  fi
  mkdir -p "$LOCAL_DOCKER_DIR"
  # No systemd and no iptables here; keep the default bridge (with --bridge=none, -p is ignored).
  dockerd --iptables=false --ip-masq=false --ip-forward=false >"$LOCAL_DOCKER_DIR/dockerd.log" 2>&1 &
  LOCAL_DOCKERD_PID=$!
  echo "$LOCAL_DOCKERD_PID" > "$LOCAL_DOCKER_DIR/dockerd.pid"
  for _ in $(seq 1 100); do
    "$DOCKER" info >/dev/null 2>&1 && return 0
    kill -0 "$LOCAL_DOCKERD_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "dockerd did not start; its log:" >&2
  tail -n 20 "$LOCAL_DOCKER_DIR/dockerd.log" >&2
  return 1
}

# Stops the engine this script started (by its PID), never one that was already running.
local_docker_down() {
  [ -n "$LOCAL_DOCKERD_PID" ] || return 0
  kill "$LOCAL_DOCKERD_PID" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 "$LOCAL_DOCKERD_PID" 2>/dev/null || break
    sleep 0.2
  done
  rm -f "$LOCAL_DOCKER_DIR/dockerd.pid"
  LOCAL_DOCKERD_PID=
}

# Containers Testcontainers left (its reaper cannot run here).
local_docker_cleanup() {
  "$DOCKER" ps -aq --filter label=org.testcontainers=true | xargs -r "$DOCKER" rm -f >/dev/null
}

# The apt mirror (and security mirror) this machine uses, read from its apt sources.
apt_mirror() {
  /usr/bin/python3 - "$1" <<'PYEOF'
import glob, re, sys
want = sys.argv[1]          # "main" or "security"
for path in sorted(glob.glob("/etc/apt/sources.list") + glob.glob("/etc/apt/sources.list.d/*")):
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        continue
    if path.endswith(".sources"):
        for stanza in re.split(r"\n\s*\n", text):
            fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", stanza, re.M))
            if "deb" not in fields.get("Types", "").split() or fields.get("Enabled", "yes") == "no":
                continue
            suites = fields.get("Suites", "").split()
            if ("bookworm-security" in suites) == (want == "security") and fields.get("URIs"):
                print(fields["URIs"].split()[0]); sys.exit(0)
    elif path.endswith(".list"):
        for line in text.splitlines():
            parts = re.sub(r"\[[^]]*\]", "", line).split()
            if len(parts) >= 3 and parts[0] == "deb" and ("security" in parts[2]) == (want == "security"):
                print(parts[1]); sys.exit(0)
sys.exit(1)
PYEOF
}

# The recipe's fingerprint: an image is rebuilt only when its files (or its base) change.
recipe_hash() {
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum; echo "$2") | sha256sum | cut -c1-16
}

image_recipe() {
  "$DOCKER" image inspect -f '{{ index .Config.Labels "org.questmesh.recipe" }}' "$1" 2>/dev/null || true
}

build_base_image() {
  local recipe=debootstrap-minbase-bookworm-1
  [ "$(image_recipe "$LOCAL_BASE_IMAGE")" = "$recipe" ] && return 0
  local mirror security rootfs
  mirror=$(apt_mirror main) || { echo "no Debian mirror found in /etc/apt/sources.list*" >&2; return 1; }
  security=$(apt_mirror security) || security=$mirror-security
  rootfs=$(mktemp -d "$LOCAL_DOCKER_DIR/rootfs.XXXXXX")
  log "building $LOCAL_BASE_IMAGE with debootstrap"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$LOCAL_DOCKER_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$LOCAL_DOCKER_DIR/debootstrap.log" >&2; rm -rf "$rootfs"; return 1; }
  cat > "$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
  chroot "$rootfs" apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | "$DOCKER" import -c "LABEL org.questmesh.recipe=$recipe" - "$LOCAL_BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

build_service_image() {
  local name=$1 dir=$2 hash
  hash=$(recipe_hash "$dir" "$("$DOCKER" image inspect -f '{{.Id}}' "$LOCAL_BASE_IMAGE")")
  [ "$(image_recipe "$name")" = "$hash" ] && return 0
  log "building $name"
  "$DOCKER" build --network host -q --build-arg "BASE=$LOCAL_BASE_IMAGE" \
    --label "org.questmesh.recipe=$hash" -t "$name" "$dir" >"$LOCAL_DOCKER_DIR/build-${name//[\/:]/-}.log" 2>&1 \
    || { tail -n 30 "$LOCAL_DOCKER_DIR/build-${name//[\/:]/-}.log" >&2; return 1; }
}

# The ASP.NET Core runtime of this machine's .NET installation (the one that builds QuestMesh), staged
# with deploy/docker/dotnet/Dockerfile: what the official aspnet image holds, on the local base.
build_dotnet_image() {
  local dotnet_root context
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  [ -d "$dotnet_root/shared/Microsoft.AspNetCore.App" ] || { echo "no ASP.NET Core runtime under $dotnet_root" >&2; return 1; }
  context=$LOCAL_DOCKER_DIR/dotnet-context
  rm -rf "$context"
  mkdir -p "$context/dotnet/shared"
  cp "$ROOT/deploy/docker/dotnet/Dockerfile" "$context/"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$context/dotnet/"
  cp -a "$dotnet_root"/*.txt "$context/dotnet/" 2>/dev/null || true
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$context/dotnet/shared/"
  build_service_image "$LOCAL_DOTNET_IMAGE" "$context"
  local code=$?
  rm -rf "$context"
  return $code
}

# Builds (or finds cached) base, PostgreSQL, RabbitMQ and .NET runtime images; the last three in parallel.
local_images_build() {
  mkdir -p "$LOCAL_DOCKER_DIR"
  build_base_image || return 1
  local pg rmq net code=0
  build_service_image "$LOCAL_POSTGRES_IMAGE" "$ROOT/deploy/docker/postgres" & pg=$!
  build_service_image "$LOCAL_RABBITMQ_IMAGE" "$ROOT/deploy/docker/rabbitmq" & rmq=$!
  build_dotnet_image & net=$!
  wait "$pg" || code=1
  wait "$rmq" || code=1
  wait "$net" || code=1
  return $code
}
