#!/bin/sh
# Writes the broker's configuration from the same variables as the public image, then runs it with
# logs on the console ("Server startup complete" there is what clients wait for).
set -eu
: "${RABBITMQ_DEFAULT_USER:=guest}" "${RABBITMQ_DEFAULT_PASS:=guest}"
cat > "$RABBITMQ_CONFIG_FILE" <<CONF
loopback_users = none
listeners.tcp.default = 5672
default_user = $RABBITMQ_DEFAULT_USER
default_pass = $RABBITMQ_DEFAULT_PASS
log.console = true
log.console.level = info
log.file = false
CONF
echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
exec /usr/lib/rabbitmq/bin/rabbitmq-server
