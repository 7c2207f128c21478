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
import { marked } from 'marked';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ui = dirname(require.resolve('swagger-ui-dist/package.json'));
const specFile = join(here, '..', 'src', 'main', 'resources', 'openapi.yaml');
const output = join(here, '..', 'target', 'docs', 'io', 'github', 'csbscontract', 'spec', 'docs.html');

// The reference server's demo catalog token (the docs jar is served by that server only); the
// project and resource IDs of the spec's examples are that catalog's too.
const DEMO_TOKEN = 'demo-token-project-a';

const spec = yaml.load(readFileSync(specFile, 'utf8'));
const guideDir = join(here, '..', '..', 'docs');

// The marks, readable: Swagger UI shows a schema's extensions as raw JSON and treats an
// extension inside `responses` as a response code. In the page's copy of the spec (the spec
// itself keeps them), each x-documented / x-contract-choice becomes a sentence of the
// description of what it governs, "Documented (keyword): source" or "Contract choice
// (keyword): reason"; the guide below the operation lists them all again.
const MARKS = [['x-documented', 'Documented'], ['x-contract-choice', 'Contract choice']];
function readableMarks(node) {
  if (Array.isArray(node)) {
    node.forEach(readableMarks);
    return;
  }
  if (!node || typeof node !== 'object') {
    return;
  }
  const lines = [];
  for (const [key, label] of MARKS) {
    const mark = node[key];
    if (mark === undefined) continue;
    if (typeof mark === 'string') {
      lines.push(`*${label}:* ${mark}`);
    } else {
      for (const [keyword, text] of Object.entries(mark)) lines.push(`*${label}* (\`${keyword}\`): ${text}`);
    }
    delete node[key];
  }
  if (lines.length > 0) {
    node.description = [node.description?.trim(), ...lines].filter(Boolean).join('\n\n');
  }
  for (const value of Object.values(node)) readableMarks(value);
}
// The choice about the operation's responses as a whole reads best with the operation.
for (const methods of Object.values(spec.paths)) {
  for (const operation of Object.values(methods)) {
    const choice = operation.responses?.['x-contract-choice'];
    if (choice) {
      delete operation.responses['x-contract-choice'];
      operation.description = `${operation.description.trim()}\n\n*Contract choice (responses):* ${choice}`;
    }
  }
}
// Swagger UI shows a parameter's description, not its schema's: the schema's marks go there.
for (const parameter of Object.values(spec.components?.parameters ?? {})) {
  readableMarks(parameter.schema);
  if (parameter.schema?.description) {
    parameter.description = `${parameter.description.trim()}\n\n${parameter.schema.description}`;
    delete parameter.schema.description;
  }
}
readableMarks(spec);

// The API guide (error codes, contract choices) and the sources, rendered below the operation;
// a table of contents above it leads there. Links between the two files become links in the page.
const slug = (text) => text.toLowerCase().replace(/<[^>]+>/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const section = (file) => marked.parse(readFileSync(join(guideDir, file), 'utf8')
  .replace(/\]\(sources\.md\)/g, '](#sources)').replace(/\]\(api-guide\.md(#[a-z-]+)?\)/g, (m, anchor) => `](${anchor ?? '#api-guide'})`))
  .replace(/<h([12])>(.*?)<\/h\1>/g, (m, level, title) => `<h${level} id="${slug(title)}">${title}</h${level}>`);
const guide = section('api-guide.md').replace('<h1 id="csbs-restore-check-api-guide">', '<h1 id="api-guide">')
  + section('sources.md');
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
  <style>body { margin: 0; } .swagger-ui .topbar { display: none; }
    #csbs-toc, #csbs-guide { font-family: sans-serif; max-width: 1460px; margin: 0 auto; padding: 0 20px; color: #3b4151; }
    #csbs-toc { padding-top: 12px; font-size: 14px; }
    #csbs-toc a { margin-right: 18px; }
    #csbs-guide { padding-bottom: 40px; font-size: 14px; line-height: 1.45; }
    #csbs-guide table { border-collapse: collapse; margin: 12px 0; }
    #csbs-guide th, #csbs-guide td { border: 1px solid #d8dde7; padding: 4px 8px; vertical-align: top; text-align: left; }
    #csbs-guide code { background: #f0f0f0; padding: 0 3px; }</style>
</head>
<body>
  <nav id="csbs-toc" aria-label="Contents">
    <a href="#/resources/checkResourceCapabilities">The operation</a>
    <a href="#error-codes">Error codes</a>
    <a href="#contract-choices">Contract choices</a>
    <a href="#sources">Sources</a>
  </nav>
  <div id="swagger-ui"></div>
  <main id="csbs-guide">${guide}</main>
  <script type="application/json" id="csbs-openapi">${specJson}</script>
  <script>${bundle}</script>
  <script>${inline(start)}</script>
</body>
</html>
`;

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, page);
console.log(`docs: ${output} (${Math.round(page.length / 1024)} KiB)`);
