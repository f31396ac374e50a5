#!/usr/bin/env bash
# The one command: a real Kafka broker (KRaft), MySQL/MariaDB (the one at MYSQL_URL or an embedded MariaDB),
# then the five services and the gateway as separate processes. Options: deploy/local-stack.sh --help
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VERSION=0.1.0-SNAPSHOT
SERVICES=(gateway document-service service-hall-service hotline-service fleet-service congress-service)
SHARED=(pom.xml contracts/pom.xml contracts/src platform/pom.xml platform/src)
STAMPS=.zhenwu/build-stamps

# A module is fresh when none of its inputs is newer than its artifact (or than our stamp of the last
# successful build, for a build that found nothing to repackage).
newer_inputs() { # reference file, then inputs
  local ref=$1; shift
  local existing=()
  for f in "$@"; do [[ -e $f ]] && existing+=("$f"); done
  [[ ${#existing[@]} -eq 0 ]] && return 1
  [[ -n "$(find "${existing[@]}" -newer "$ref" -print -quit 2>/dev/null)" ]]
}

reference() { # artifact, module: the newer of the artifact and our stamp
  local artifact=$1 stamp="$STAMPS/$2"
  if [[ -f $stamp && $stamp -nt $artifact ]]; then echo "$stamp"; else echo "$artifact"; fi
}

# Only the jars this run starts need to be built (--no-services needs none).
normalize() { local n=${1// /}; for m in "${SERVICES[@]}"; do
  if [[ $n == "$m" || "$n-service" == "$m" ]]; then echo "$m"; return; fi; done; echo "$n"; }
wanted=("${SERVICES[@]}")
demo=
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  a=${args[i]} list=
  case $a in
    --no-services) wanted=() ;;
    --only | --skip) list=${args[i + 1]:-}; i=$((i + 1)) ;;
    --only=* | --skip=*) list=${a#*=} ;;
    --demo | --demo-seed=* | --demo-scale=*) demo=1 ;;
    --demo-seed | --demo-scale) demo=1; i=$((i + 1)) ;;
  esac
  if [[ -n $list ]]; then
    IFS=, read -r -a names <<< "$list"
    picked=(); for n in "${names[@]}"; do [[ -n ${n// /} ]] && picked+=("$(normalize "$n")"); done
    if [[ $a == --only* ]]; then
      wanted=("${picked[@]}")
    else
      kept=(); for m in "${wanted[@]}"; do [[ " ${picked[*]} " == *" $m "* ]] || kept+=("$m"); done
      wanted=("${kept[@]}")
    fi
  fi
done

stale=()
for m in "${wanted[@]}"; do
  [[ -d $m ]] || continue   # an unknown name: the launcher reports it
  jar="$m/target/$m-$VERSION.jar"
  if [[ ! -f $jar ]] || newer_inputs "$(reference "$jar" "$m")" "$m/pom.xml" "$m/src" "${SHARED[@]}"; then
    stale+=("$m")
  fi
done
cp_file=deploy/target/classpath.txt
if [[ ! -f $cp_file || ! -f deploy/target/classes/org/zhenwu/deploy/LocalStack.class ]] \
   || newer_inputs "$(reference "$cp_file" deploy)" deploy/pom.xml deploy/src pom.xml; then
  stale+=(deploy)
fi

if [[ ${#stale[@]} -gt 0 ]]; then
  list=$(IFS=,; echo "${stale[*]}")
  echo "Building $list (and what it needs) …"
  ./mvnw -B -q -DskipTests install -pl "$list" -am
  mkdir -p "$STAMPS"
  for m in "${stale[@]}"; do touch "$STAMPS/$m"; done
fi

# --demo only: the demo data generator (document-service's test class DemoDataFiles) and its classpath.
if [[ -n $demo ]]; then
  demo_cp=document-service/target/test-classpath.txt
  demo_class=document-service/target/test-classes/org/zhenwu/document/demo/DemoDataFiles.class
  if [[ ! -f $demo_cp || ! -f $demo_class ]] \
     || newer_inputs "$(reference "$demo_cp" document-service-demo)" document-service/pom.xml document-service/src \
          "${SHARED[@]}"; then
    echo "Building the demo data generator (document-service test classes) …"
    ./mvnw -B -q -pl document-service test-compile dependency:build-classpath -Dmdep.outputFile="$ROOT/$demo_cp"
    mkdir -p "$STAMPS"
    touch "$STAMPS/document-service-demo"
  fi
fi

# ZHENWU_BUILD_ONLY=1: build what these options would start, then stop (the benchmarks in deploy/bench use this).
if [[ -n ${ZHENWU_BUILD_ONLY:-} ]]; then exit 0; fi

JAVA=java
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; fi
exec "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m -Dfile.encoding=UTF-8 \
  -cp "deploy/target/classes:$(cat "$cp_file")" org.zhenwu.deploy.LocalStack "$@"
