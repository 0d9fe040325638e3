#!/usr/bin/env bash
# Renders the module diagram Spring Modulith writes (ModularityTest: target/spring-modulith-docs/components.puml)
# to docs/modules.svg, the picture in the README. PlantUML comes from Maven Central; with Graphviz's `dot` installed
# (Debian package graphviz) it lays the diagram out, without it PlantUML's built-in Smetana layout does.
# Run it after a change of modules or of their dependencies, and commit docs/modules.svg.
set -euo pipefail
cd "$(dirname "$0")/.."

PLANTUML_VERSION=1.2026.8
JAR="target/tools/plantuml-${PLANTUML_VERSION}.jar"

mvn -q test -Dtest=ModularityTest -Dsurefire.failIfNoSpecifiedTests=false
if [ ! -f "$JAR" ]; then
  mvn -q dependency:copy -Dartifact="net.sourceforge.plantuml:plantuml:${PLANTUML_VERSION}" \
      -DoutputDirectory=target/tools -Dmdep.useBaseVersion=true
fi

work=target/modules-diagram
rm -rf "$work" && mkdir -p "$work"
if command -v dot >/dev/null 2>&1; then
  cp target/spring-modulith-docs/components.puml "$work/modules.puml"
else
  sed '1a !pragma layout smetana' target/spring-modulith-docs/components.puml > "$work/modules.puml"
fi
java -Djava.awt.headless=true -jar "$JAR" -tsvg -failfast2 "$work/modules.puml"
mkdir -p docs
cp "$work/modules.svg" docs/modules.svg
echo "docs/modules.svg written"
