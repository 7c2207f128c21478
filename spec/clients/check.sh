#!/usr/bin/env bash
# What the spec gives users of other languages: openapi-generator (the version pinned in the
# parent pom) validates openapi.yaml, then generates a TypeScript (typescript-fetch), a Go and a
# Python client into spec/target/clients/. No generation may warn about our spec; the TypeScript
# client must type-check (tsc --noEmit, strict) with usage.ts, the Go client must pass go vet with
# go/usage.go, and the Python client must compile (PyPI is out of reach here, so its
# dependencies cannot be installed to import it). Then the TypeScript and Go clients read the
# answers of answers.json (unknown fields at every level, upper-case UUIDs, 500-character
# messages, error bodies with extra fields), each served by a local HTTP stub on 127.0.0.1
# (parse.ts, go/parse): a client that refuses one fails the check. Run by .ci/run; about two
# minutes.
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
# Go's generator makes every model with a required field refuse unknown fields
# (DisallowUnknownFields) unless told that an omitted additionalProperties means "allowed", as
# JSON Schema says; with it, unknown fields land in the models' AdditionalProperties. The README
# gives Go users this option.
generate go go --git-host=local.invalid --git-user-id=csbs --git-repo-id=client \
  --additional-properties=packageName=csbs,disallowAdditionalPropertiesIfNotPresent=false
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

echo "== TypeScript: the client reads the answers of answers.json from a local stub"
"$here/node_modules/.bin/tsc" -p "$here/tsconfig.parse.json"
node "$out/parse-ts/clients/parse.js" "$here/answers.json"

echo "== Go: the client reads the answers of answers.json from a local stub"
(cd "$here/go" && go run ./parse ../answers.json)

# The check itself must catch an intolerant client: the Go client generated with the
# generator's defaults refuses unknown fields, and go/parse must fail on it.
echo "== Go: go/parse fails on the client generated with the defaults (which refuses unknown fields)"
generate go go-defaults --git-host=local.invalid --git-user-id=csbs --git-repo-id=client \
  --additional-properties=packageName=csbs
strict="$out/go-defaults-parse"
rm -rf "$strict" && mkdir -p "$strict" && cp -r "$here/go/parse" "$strict/"
sed 's#=> ../../target/clients/go#=> ../go-defaults#' "$here/go/go.mod" > "$strict/go.mod"
if (cd "$strict" && go run ./parse "$here/answers.json" > "$strict.log" 2>&1); then
  echo "go/parse passed the intolerant client: the check cannot catch one" >&2
  exit 1
fi
grep -q 'unknown field' "$strict.log"
echo "   go/parse refused it: $(grep -c FAIL "$strict.log") of the answers"

echo "== other-language clients: all checks passed"
