// Opens the reference server's /docs in Debian's headless Chromium (driven by playwright-core,
// no browser download) and checks what an API reviewer must see there. Needs the server jar:
// run after `./mvnw package` (the tests module runs it in `verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const jar = process.env.CSBS_SERVER_JAR
  ?? fileURLToPath(new URL('../../../target/csbs-reference-server.jar', import.meta.url));
const screenshot = fileURLToPath(new URL('../../../target/docs-screenshot.png', import.meta.url));

function startServer() {
  const server = spawn('java', ['-jar', jar, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const ready = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (ready) resolve(ready[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
    setTimeout(() => reject(new Error('server not ready within 30 s')), 30_000).unref();
  });
  return { server, url };
}

test('/docs shows the operation, both actions, the error responses and the CSBS codes, offline', async (t) => {
  const { server, url } = startServer();
  t.after(() => server.kill('SIGTERM'));
  const base = await url;

  const profile = mkdtempSync(join(tmpdir(), 'csbs-docs-chromium-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  t.after(() => context.close());
  const page = await context.newPage();
  // Redoc 3 always asks for its attribution logo from a CDN; the page's Content-Security-Policy
  // must stop that inside the browser, so nothing may leave but requests to our server.
  const outside = new Map();
  page.on('request', (request) => {
    const target = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(target.protocol) && target.hostname !== '127.0.0.1') {
      outside.set(request.url(), 'sent');
    }
  });
  page.on('requestfailed', (request) => {
    if (outside.has(request.url()) && request.failure()?.errorText === 'csp') {
      outside.set(request.url(), 'blocked by the page');
    }
  });

  const response = await page.goto(base, { waitUntil: 'networkidle' });
  assert.equal(new URL(page.url()).pathname, '/docs', '/ leads to /docs');
  assert.equal(response.status(), 200);
  const intro = await page.locator('body').innerText();
  for (const code of ['CSBS.9001', 'CSBS.3001', 'CSBS.2003', 'CSBS.4000', 'CSBS.6013', 'CSBS.6000', 'CSBS.6015',
    'CSBS.6016', 'CSBS.6019', 'CSBS.6025', 'CSBS.6020', 'CSBS.6017', 'CSBS.6018', 'CSBS.6014', 'CSBS.6021',
    'CSBS.6023', 'CSBS.6024', 'CSBS.6003', 'CSBS.6006', 'CSBS.6007', 'CSBS.6010', 'APIG.0301']) {
    assert.ok(intro.includes(code), `the error code table shows ${code}`);
  }

  // A reviewer opens the operation from the sidebar: tag first, then the operation.
  await page.locator('li', { hasText: 'resources' }).last().click();
  await page.getByText('Check whether resources can be restored or protected').first().click();
  await page.getByText('Expand all').first().waitFor();
  const operation = await page.locator('body').innerText();
  for (const expected of ['Check whether resources can be restored or protected', 'POST', 'check_restorable',
    'check_protectable', 'project_id', 'provider_id', 'iamToken',
    '200', '400', '401', '403', '404', '413', '415', '429', '500', '503']) {
    assert.ok(operation.includes(expected), `the operation shows ${expected}`);
  }
  mkdirSync(fileURLToPath(new URL('../../../target/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  const sent = [...outside].filter(([, fate]) => fate === 'sent').map(([url]) => url);
  assert.deepEqual(sent, [], 'the page sends nothing outside');
});
