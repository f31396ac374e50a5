#!/bin/bash
# Runs once, when the MySQL container initialises an empty data directory (/docker-entrypoint-initdb.d/).
# One schema and one user per service; each user gets every privilege on its own schema and nothing else
# (Flyway needs DDL there), so a compromised or buggy service cannot read another service's data.
# Passwords come from the environment (deploy/compose.yaml passes ZHENWU_DB_PASSWORD_<SERVICE>).
# The official image sources *.sh files here and provides docker_process_sql (root over the init socket).
# no `set -u`: this file is sourced into the image entrypoint, whose own code must keep running after it
set -eo pipefail

declare -A passwords=(
  [document]="${ZHENWU_DB_PASSWORD_DOCUMENT:?}"
  [service_hall]="${ZHENWU_DB_PASSWORD_SERVICE_HALL:?}"
  [hotline]="${ZHENWU_DB_PASSWORD_HOTLINE:?}"
  [fleet]="${ZHENWU_DB_PASSWORD_FLEET:?}"
  [congress]="${ZHENWU_DB_PASSWORD_CONGRESS:?}"
)

sql_string() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

run_sql() {
  if declare -F docker_process_sql >/dev/null; then docker_process_sql; else mysql -uroot "$@"; fi
}

{
  for svc in document service_hall hotline fleet congress; do
    schema="zhenwu_${svc}"
    cat <<SQL
CREATE DATABASE IF NOT EXISTS \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
CREATE USER IF NOT EXISTS '${svc}'@'%' IDENTIFIED BY $(sql_string "${passwords[$svc]}");
GRANT ALL PRIVILEGES ON \`${schema}\`.* TO '${svc}'@'%';
SQL
  done
  # read-only account for backups (mysqldump --single-transaction) and nothing else
  cat <<SQL
CREATE USER IF NOT EXISTS 'backup'@'%' IDENTIFIED BY $(sql_string "${ZHENWU_DB_PASSWORD_BACKUP:?}");
GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, PROCESS, RELOAD, LOCK TABLES, REPLICATION CLIENT, BACKUP_ADMIN ON *.* TO 'backup'@'%';
FLUSH PRIVILEGES;
SQL
} | run_sql
