// Renders openapi.yaml into one self-contained page: Swagger UI (swagger-ui-dist, pinned in
// package.json) with its script, its styles and the spec inlined, so that the page needs nothing
// from anywhere when it is opened, from the docs jar or from disk.
//
// Why Swagger UI: a reviewer must be able to send the documented examples from the page and see
// the answer. Redoc has no request console; Swagger UI's "Try it out" sends the named request
// examples as they are, shows the answer, and takes the token from its Authorize dialog. Served
// by the reference server (/docs), the page puts that server's own origin first in the server
// list and pre-fills the demo catalog's token, so the examples go to the same origin and are
// answered by the demo data; opened from a file it keeps the spec's servers and asks for a token.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ui = dirname(require.resolve('swagger-ui-dist/package.json'));
const specFile = join(here, '..', 'src', 'main', 'resources', 'openapi.yaml');
const output = join(here, '..', 'target', 'docs', 'io', 'github', 'csbscontract', 'spec', 'docs.html');

// The reference server's demo catalog token (the docs jar is served by that server only); the
// project and resource IDs of the spec's examples are that catalog's too.
const DEMO_TOKEN = 'demo-token-project-a';

const spec = yaml.load(readFileSync(specFile, 'utf8'));
// Inside a <script> element, "</script" would end it early; JS reads "<\/script" the same
// (the bundle holds none today; this keeps it so).
const inline = (text) => text.replace(/<\/script/gi, '<\\/script');
const specJson = JSON.stringify(spec).replace(/</g, '\\u003c');
const bundle = inline(readFileSync(join(ui, 'swagger-ui-bundle.js'), 'utf8'));
const styles = readFileSync(join(ui, 'swagger-ui.css'), 'utf8').replace(/<\/style/gi, '<\\/style');

const start = `
const spec = JSON.parse(document.getElementById('csbs-openapi').textContent);
const served = location.protocol === 'http:' || location.protocol === 'https:';
if (served) {
  // Same origin: "Try it out" sends the examples to the server that serves this page.
  spec.servers = [{ url: location.origin, description: 'This server (the page is served by it)' }]
    .concat(spec.servers || []);
}
window.ui = SwaggerUIBundle({
  spec,
  dom_id: '#swagger-ui',
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 1,
  displayRequestDuration: true,
  showExtensions: true,
  showCommonExtensions: true,
  // No badge from the public validator: nothing may leave the page.
  validatorUrl: null,
  supportedSubmitMethods: served ? ['post'] : [],
  onComplete: () => {
    if (served) {
      window.ui.preauthorizeApiKey('iamToken', ${JSON.stringify(DEMO_TOKEN)});
    }
  },
});
`;

const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${spec.info.title} ${spec.info.version}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <!-- Everything is inlined; the policy keeps it so: requests may go to this page's own origin only. -->
  <meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-inline' data: blob:">
  <style>${styles}</style>
  <style>body { margin: 0; } .swagger-ui .topbar { display: none; }</style>
</head>
<body>
  <div id="swagger-ui"></div>
  <script type="application/json" id="csbs-openapi">${specJson}</script>
  <script>${bundle}</script>
  <script>${inline(start)}</script>
</body>
</html>
`;

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, page);
console.log(`docs: ${output} (${Math.round(page.length / 1024)} KiB)`);
