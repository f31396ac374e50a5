#!/usr/bin/env bash
# Builds the six images from the repository root with deploy/docker/Dockerfile (BuildKit).
#   deploy/docker/build-images.sh                 # zhenwu/<module>:0.1.0-SNAPSHOT
#   REGISTRY=registry.example.org/zhenwu TAG=1.4.0 PUSH=1 deploy/docker/build-images.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REGISTRY=${REGISTRY:-zhenwu}
TAG=${TAG:-0.1.0-SNAPSHOT}
declare -A PORTS=([gateway]=8080 [document-service]=8081 [service-hall-service]=8082
                  [hotline-service]=8083 [fleet-service]=8084 [congress-service]=8085)
for module in gateway document-service service-hall-service hotline-service fleet-service congress-service; do
  echo "== $module"
  DOCKER_BUILDKIT=1 docker build -f deploy/docker/Dockerfile \
    --build-arg MODULE="$module" --build-arg PORT="${PORTS[$module]}" \
    -t "$REGISTRY/$module:$TAG" .
  if [ -n "${PUSH:-}" ]; then docker push "$REGISTRY/$module:$TAG"; fi
done
