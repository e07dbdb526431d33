#!/bin/bash
# The images' health check: exit 0 when the service answers 200 on the path given (default
# /health/ready) at port 8080 of this container. Plain bash, so the images need no HTTP client.
path=${1:-/health/ready}
port=${QUESTMESH_HEALTH_PORT:-8080}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
read -r -t 5 _ status _ <&3
[ "$status" = 200 ]
