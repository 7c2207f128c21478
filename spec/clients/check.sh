#!/usr/bin/env bash
# What the spec gives users of other languages: openapi-generator (the version pinned in the
# parent pom) validates openapi.yaml, then generates a TypeScript (typescript-fetch), a Go and a
# Python client into spec/target/clients/. No generation may warn about our spec; the TypeScript
# client must type-check (tsc --noEmit, strict) with usage.ts, the Go client must pass go vet with
# go/usage.go, and the Python client must compile (PyPI is out of reach here, so its
# dependencies cannot be installed to import it). Run by .ci/run; about a minute.
#
# Maven is called with MAVEN_ARGS as it is set (e.g. -Dmaven.repo.local=...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
spec="$root/spec/src/main/resources/openapi.yaml"
out="$root/spec/target/clients"
version="$(sed -n 's:.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*:\1:p' "$root/pom.xml")"
cli="$out/openapi-generator-cli-$version.jar"
mkdir -p "$out"

if [ ! -f "$cli" ]; then
  echo "== openapi-generator-cli $version (Maven Central)"
  (cd "$root" && ./mvnw -q -B -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=org.openapitools:openapi-generator-cli:$version" "-DoutputDirectory=$out")
fi

echo "== openapi-generator validate"
java -jar "$cli" validate -i "$spec" | tee "$out/validate.log"
grep -q "No validation issues detected." "$out/validate.log"

# Warnings the generator prints for a spec of one operation and one schema are its own (7.25.0's
# python generator prints "Failed to get the schema name: null" for any model with a property);
# any other warning is about our spec and fails the check. (The same message from
# typescript-fetch and go came from named examples written inline in responses; the spec keeps
# its examples under components/examples, which they resolve by name.)
cat > "$out/minimal.yaml" <<'YAML'
openapi: 3.0.3
info: {title: minimal, version: '1'}
paths:
  /a:
    post:
      operationId: postA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    A:
      type: object
      properties:
        x: {type: string}
YAML

generate() {
  local generator="$1" dir="$2"
  shift 2
  rm -rf "$out/$dir" "$out/$dir-minimal"
  java -jar "$cli" generate -g "$generator" -i "$out/minimal.yaml" -o "$out/$dir-minimal" \
    --global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false "$@" > "$out/$dir-minimal.log" 2>&1
  java -jar "$cli" generate -g "$generator" -i "$spec" -o "$out/$dir" \
    --global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false "$@" > "$out/$dir.log" 2>&1
  local ours
  ours="$(grep ' WARN ' "$out/$dir.log" | grep -v 'CodegenIgnoreProcessor' | grep -vxF -f <(grep ' WARN ' "$out/$dir-minimal.log") || true)"
  if [ -n "$ours" ]; then
    echo "$generator warns about openapi.yaml:" >&2
    echo "$ours" >&2
    exit 1
  fi
  echo "   $generator: generated into target/clients/$dir, no warning about the spec"
}

echo "== generate"
generate typescript-fetch typescript
generate go go --git-host=local.invalid --git-user-id=csbs --git-repo-id=client --additional-properties=packageName=csbs
generate python python --additional-properties=packageName=csbs_client

echo "== TypeScript: tsc --noEmit (strict) of usage.ts and the client"
npm --prefix "$here" ci --no-audit --no-fund --loglevel=error
"$here/node_modules/.bin/tsc" -p "$here/tsconfig.json"

echo "== Go: go vet of the client and of go/usage.go"
export GOFLAGS=-mod=mod
(cd "$out/go" && go vet ./...)
(cd "$here/go" && go vet ./...)

echo "== Python: the client compiles"
python3 -m compileall -q "$out/python/csbs_client"

echo "== other-language clients: all checks passed"
