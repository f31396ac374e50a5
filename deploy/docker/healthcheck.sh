#!/bin/bash
# Container HEALTHCHECK: 0 when GET /actuator/health/readiness answers 200, else 1.
# Plain bash (/dev/tcp), so the image needs no curl or wget.
port="${SERVER_PORT:-8080}"
exec 2>/dev/null
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 || exit 1
exec 3<&- 3>&-
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) exit 1 ;;
esac
