// The web page's browser test, run by src/test/java/dev/specforge/WebPageTest.java against a started daemon:
//   node src/test/web/page.test.mjs <baseUrl> <apiKey> <screenshotDir> <downloadDir>
// Debian's Chromium (/usr/bin/chromium, or $CHROMIUM), headless, driven by playwright-core. Every wait is one of
// Playwright's (an element, a state, a URL, an event), never a sleep. On success the last line is
// RESULT {json} with what the Java side checks against the API: the job id, the downloaded zip, the opened file.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [baseUrl, apiKey, shotDir, downloadDir] = process.argv.slice(2);
if (!baseUrl || !apiKey || !shotDir || !downloadDir) {
  console.error('usage: node page.test.mjs <baseUrl> <apiKey> <screenshotDir> <downloadDir>');
  process.exit(2);
}
const STACK = 'go-service';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function check(condition, message) {
  if (!condition) {
    throw new Error(`check failed: ${message}`);
  }
  console.log(`ok - ${message}`);
}

const started = Date.now();
const step = (name) => console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);

fs.mkdirSync(shotDir, { recursive: true });
fs.mkdirSync(downloadDir, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'specforge-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ARGS,
  viewport: { width: 1280, height: 800 },
  acceptDownloads: true,
});
context.setDefaultTimeout(30_000);
const pageErrors = [];
const pages = [];

async function open(url) {
  const page = await context.newPage();
  pages.push(page);
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  // the key is kept per tab (sessionStorage): every new tab asks once, because the API answers 401
  const keyInput = page.getByRole('textbox', { name: 'API key', exact: true });
  await keyInput.waitFor({ state: 'visible' });
  return { page, keyInput };
}

async function enterKey(page, keyInput) {
  await keyInput.fill(apiKey);
  await keyInput.press('Enter');
  await page.locator('#key-panel').waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}

const shot = (page, name) => page.screenshot({ path: path.join(shotDir, name), fullPage: true });
const value = (page, selector) => page.locator(selector).inputValue();
const text = (page, selector) => page.locator(selector).textContent();

try {
  const caps = await (await fetch(`${baseUrl}/`, { headers: { Accept: 'application/json' } })).json();
  check(Array.isArray(caps.examples) && caps.examples.length > 0, 'the capabilities list examples');
  const example = caps.examples[0];
  const exampleText = await (await fetch(new URL(example.href, baseUrl))).text();

  step('the page asks for the API key, then lists the stacks and the examples');
  const { page, keyInput } = await open(`${baseUrl}/`);
  await shot(page, '1-api-key.png');
  await enterKey(page, keyInput);
  const stacks = await page.locator('#stack option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  check(stacks.includes(STACK), `the stack list holds ${STACK} (${stacks.join(', ')})`);
  const examples = await page.locator('#example option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  check(examples.includes(example.name), `the example list holds ${example.name}`);

  step('pick an example and a stack: the link follows');
  await page.selectOption('#example', example.name);
  await page.waitForFunction(() => document.querySelector('#spec').value.length > 0);
  check(await value(page, '#spec') === exampleText, `the spec box holds ${example.name} as served`);
  await page.selectOption('#stack', STACK);
  await page.waitForURL((u) => {
    const p = new URLSearchParams(u.hash.slice(1));
    return p.get('stack') === STACK && p.get('example') === example.name;
  });
  const exampleLink = page.url();

  step('the plan');
  await page.getByRole('button', { name: 'Show the plan' }).click();
  await page.locator('#plan').waitFor({ state: 'visible' });
  const planned = Number(await text(page, '#plan-file-count'));
  check(planned > 0, `the plan counts ${planned} files`);
  const treeFiles = await page.locator('#plan-tree .file').count();
  check(treeFiles === planned, `the plan's tree shows ${treeFiles} files, as many as it counts`);
  check((await text(page, '#plan-summary')).includes(STACK), `the plan is for ${STACK}`);
  for (const id of ['#plan-items', '#plan-calls', '#plan-tokens', '#plan-cost']) {
    check(/\d/.test(await text(page, id)), `the plan shows ${id.slice(6)}: ${await text(page, id)}`);
  }
  await shot(page, '2-plan.png');

  step('generate: the progress bar ends full');
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.locator('#job[data-state="succeeded"]').waitFor();
  const bar = await page.locator('#progress').evaluate((p) => ({ value: p.value, max: p.max }));
  check(bar.max === planned && bar.value === planned, `the progress bar is full: ${bar.value}/${bar.max}`);
  check(await text(page, '#progress-text') === `${planned} / ${planned} files`, 'the progress text says all files');
  check(await text(page, '#job-phase') === 'done', 'the phase is done');
  const jobId = await text(page, '#job-id');

  step('the project tree: open a file with the keyboard');
  await page.locator('#result').waitFor({ state: 'visible' });
  await page.locator('#result-tree button.file').first().waitFor();
  const paths = await page.locator('#result-tree button.file').evaluateAll((bs) => bs.map((b) => b.dataset.path));
  check(paths.length === planned, `the project tree shows ${paths.length} files, as planned`);
  const readme = paths.find((p) => p.split('/').length === 2 && p.endsWith('/README.md'));
  check(readme !== undefined, 'the project has a README.md at its root');
  const button = page.locator('#result-tree button.file').nth(paths.indexOf(readme));
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((p) => document.querySelector('#viewer').dataset.path === p, readme);
  check(await text(page, '#viewer-path') === readme, `the viewer names ${readme}`);
  const shown = await text(page, '#viewer');
  check(shown.length > 0, `the viewer shows ${shown.length} characters`);
  fs.writeFileSync(path.join(downloadDir, 'opened.txt'), shown, 'utf8');
  await shot(page, '3-result.png');

  step('download the zip');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  check(download.suggestedFilename().endsWith('.zip'), `the download is named ${download.suggestedFilename()}`);
  const zipPath = path.join(downloadDir, download.suggestedFilename());
  await download.saveAs(zipPath);

  step('the link reopens the same choices');
  const second = await open(exampleLink);
  await enterKey(second.page, second.keyInput);
  await second.page.waitForFunction(() => document.querySelector('#spec').value.length > 0);
  check(await value(second.page, '#stack') === STACK, `the link restores the stack ${STACK}`);
  check(await value(second.page, '#example') === example.name, `the link restores the example ${example.name}`);
  check(await value(second.page, '#spec') === exampleText, 'the link restores the example\'s text');

  step('a chosen file fills the spec box');
  await second.page.setInputFiles('#file', { name: 'chosen.yaml', mimeType: 'application/yaml', buffer: Buffer.from(exampleText) });
  await second.page.waitForFunction(() => document.querySelector('#source').textContent === 'File chosen.yaml.');
  check(await value(second.page, '#spec') === exampleText, 'the spec box holds the chosen file');
  check(await value(second.page, '#example') === '', 'no example is selected for a chosen file');
  await second.page.waitForURL((u) => new URLSearchParams(u.hash.slice(1)).has('spec'));

  step('a pasted spec: hostile text stays text, a failed job shows its problem');
  const hostile = [
    'specforge: 1',
    'project: {name: broken, description: "<img src=x onerror=window.__pwned=1>"}',
    'entities:',
    '  - name: Customer',
    '    description: "<script>window.__pwned=2</script>"',
    '    fields:',
    '      - {name: id, type: uuidd}',
    '',
  ].join('\n');
  const p2 = second.page;
  const fileLink = p2.url();
  await p2.locator('#spec').fill(hostile);
  await p2.waitForURL((u) => u.href !== fileLink && new URLSearchParams(u.hash.slice(1)).has('spec'));
  const pastedLink = p2.url();
  check(!new URLSearchParams(new URL(pastedLink).hash.slice(1)).has('example'), 'the link drops the example once the text is edited');
  await p2.getByRole('button', { name: 'Generate' }).click();
  await p2.locator('#job[data-state="failed"]').waitFor();
  await p2.locator('#problem').waitFor({ state: 'visible' });
  check((await text(p2, '#problem-title')).includes('Invalid spec'), `the problem's title: ${await text(p2, '#problem-title')}`);
  check((await text(p2, '#problem-detail')).length > 0, 'the problem\'s detail is shown');
  check(await text(p2, '#problem-location') === '/entities/0/fields/0/type', 'the problem\'s location is shown');
  await shot(p2, '4-failed-job.png');

  await p2.locator('#spec').fill('specforge: 1\nproject: [<img src=x onerror=window.__pwned=3>\n');
  await p2.getByRole('button', { name: 'Show the plan' }).click();
  await p2.waitForFunction(() => document.querySelector('#problem-detail').textContent.includes('<img'));
  check(await p2.locator('#problem img, #problem script').count() === 0, 'spec text in a problem is text, not markup');

  step('the same tab keeps the key: a pasted spec\'s link reopens without asking');
  await p2.goto('about:blank');
  await p2.goto(pastedLink);
  await p2.waitForFunction(() => document.body.dataset.ready === 'true');
  check(await p2.locator('#key-panel').isHidden(), 'the key is not asked again in the same tab');
  check(await value(p2, '#spec') === hostile, 'the link restores a pasted spec');
  check(await value(p2, '#example') === '', 'no example is selected for a pasted spec');
  for (const p of [page, p2]) {
    check(await p.evaluate(() => window.__pwned === undefined), 'no spec text ran as script');
  }
  check(pageErrors.length === 0, `no uncaught errors in the page ${pageErrors.join('; ')}`);

  console.log(`RESULT ${JSON.stringify({ jobId, stack: STACK, example: example.href, zip: zipPath, opened: { path: readme, file: path.join(downloadDir, 'opened.txt') }, planned })}`);
} catch (e) {
  // what the page showed when it went wrong
  for (const [i, p] of pages.entries()) {
    await p.screenshot({ path: path.join(shotDir, `failure-${i + 1}.png`), fullPage: true }).catch(() => {});
    const problem = await p.locator('#problem').isVisible().catch(() => false)
      ? await p.locator('#problem').innerText().catch(() => '') : '';
    console.error(`page ${i + 1}: ${p.url()}; problem shown: ${(problem || '').trim() || 'none'}`);
  }
  if (pageErrors.length) {
    console.error(`uncaught errors in the page: ${pageErrors.join('; ')}`);
  }
  throw e;
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
