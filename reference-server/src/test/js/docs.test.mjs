// Opens the reference server's /docs in Debian's headless Chromium (driven by playwright-core,
// no browser download), checks what an API reviewer must see there, and sends the reference
// page's example request from the page to the server that serves it. Needs the server jar: run
// after `./mvnw package` (the reference server's integration-test phase runs it).
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

test('/docs shows the operation first, then its error catalog, its choices and sources, and sends the seed example to this server', async (t) => {
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
  // Everything the page needs is inlined, and its Content-Security-Policy allows requests to
  // its own origin only: nothing may leave but requests to our server.
  const outside = new Map();
  const sent = [];
  page.on('request', (request) => {
    const target = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(target.protocol) && target.hostname !== '127.0.0.1') {
      outside.set(request.url(), 'sent');
    }
    sent.push(`${request.method()} ${target.origin}${target.pathname}`);
  });
  page.on('requestfailed', (request) => {
    if (outside.has(request.url()) && request.failure()?.errorText === 'csp') {
      outside.set(request.url(), 'blocked by the page');
    }
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const response = await page.goto(base, { waitUntil: 'networkidle' });
  assert.equal(new URL(page.url()).pathname, '/docs', '/ leads to /docs');
  assert.equal(response.status(), 200);
  // The operation comes first: the description above it is short, and a table of contents
  // leads to the guide below it.
  await page.locator('.opblock-post').first().waitFor({ timeout: 15_000 });
  const top = await page.locator('.opblock-post').first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  assert.ok(top < 2000, `the operation starts within the first 2,000 px of the page (at ${Math.round(top)} px)`);
  for (const [link, target] of [['Error codes', '#error-codes'], ['Contract choices', '#contract-choices'],
    ['Sources', '#sources']]) {
    assert.equal(await page.locator('#csbs-toc a', { hasText: link }).getAttribute('href'), target);
    assert.equal(await page.locator(target).count(), 1, `the table of contents leads to ${target}`);
  }
  const guide = await page.locator('#csbs-guide').innerText();
  for (const code of ['CSBS.9001', 'CSBS.3001', 'CSBS.2003', 'CSBS.4000', 'CSBS.6013', 'CSBS.6000', 'CSBS.6015',
    'CSBS.6016', 'CSBS.6019', 'CSBS.6025', 'CSBS.6020', 'CSBS.6017', 'CSBS.6018', 'CSBS.6014', 'CSBS.6021',
    'CSBS.6023', 'CSBS.6024', 'CSBS.6003', 'CSBS.6006', 'CSBS.6007', 'CSBS.6010', 'CSBS.9009', 'CSBS.9999',
    'CSBS.0503', 'APIG.0101', 'APIG.0201', 'APIG.0301', 'APIG.0302', 'APIG.0308']) {
    assert.ok(guide.includes(code), `the error catalog table shows ${code}`);
  }
  assert.ok(await page.locator('#error-codes ~ table').count() > 0, 'the catalog is rendered as a table');
  for (const choice of ['x-contract-choice', 'maxItems: 60', 'response 503', 'x-unique-item-properties',
    'Querying Restoration Capabilities of Resources', 'https://support.huaweicloud.com/']) {
    assert.ok(guide.includes(choice), `the guide shows ${choice}`);
  }

  // A reviewer opens the operation and sends the reference page's example to this server.
  await page.locator('.opblock-post .opblock-summary').first().click();
  // The operation renders after the click; on a busy machine that takes a moment.
  await page.locator('.opblock-post .opblock-section-request-body').first().waitFor({ timeout: 15_000 });
  await page.locator('.opblock-post').filter({ hasText: 'check_restorable' }).first().waitFor({ timeout: 15_000 });
  const operation = await page.locator('.opblock-post').first().innerText();
  for (const expected of ['Check whether resources can be restored or protected', 'POST', 'check_restorable',
    'check_protectable', 'project_id', 'provider_id', 'Order of the checks',
    '200', '400', '401', '403', '404', '413', '415', '429', '500', '503', 'Retry-After',
    // The marks read as sentences, not as raw JSON.
    'Contract choice:', 'Contract choice (responses):', 'Documented (enum): Reference page, Table 1']) {
    assert.ok(operation.includes(expected), `the operation shows ${expected}`);
  }
  assert.ok(!/x-contract-choice|x-documented/.test(operation), 'no mark is shown as a raw extension');
  assert.equal(await page.locator('.servers select').inputValue(), base.replace(/\/$/, ''),
    'the page offers its own server first');
  await page.locator('button.try-out__btn').click();
  assert.equal(await page.locator('.opblock-section-request-body select.examples-select-element').inputValue(),
    'seedCheckRestorable', 'the reference page example is the one offered first');
  await page.locator('button.execute').click();
  const live = page.locator('.live-responses-table tbody tr.response').first();
  await live.waitFor({ timeout: 15_000 });
  assert.equal((await live.locator('.response-col_status').innerText()).trim(), '200', 'the server answers 200');
  const answer = JSON.parse(await live.locator('.response-col_description pre').first().innerText());
  assert.deepEqual(answer, { restorable: [{ result: true, resource_type: 'OS::Nova::Server',
    resource_id: '6507cb66-90dc-4a12-a573-c9f3398f899d', error_code: '', error_msg: '' }] },
  'the answer is the reference page example response');
  const origin = base.replace(/\/$/, '');
  assert.ok(sent.includes(`POST ${origin}/v1/0605767ab000d4c12f3bc0033d9d5d06/providers/`
    + 'fc4d5750-22e7-4798-8a46-f48f62c4c1da/resources/action'), `the request went to this server: ${sent}`);

  mkdirSync(fileURLToPath(new URL('../../../target/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(errors, [], 'the page runs without script errors');
  const leaked = [...outside].filter(([, fate]) => fate === 'sent').map(([address]) => address);
  assert.deepEqual(leaked, [], 'the page sends nothing outside');
});
