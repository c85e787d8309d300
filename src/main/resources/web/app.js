// The specforge page: pick or paste a spec, pick a stack, see the plan, generate, browse and download the zip.
// It talks to the public HTTP API only. Everything that comes from a spec, a file or an answer is shown as text
// (textContent, input values, attributes): never as HTML.
import { readZip, ZipError } from './zip.js';

const $ = (id) => document.getElementById(id);
const KEY = 'specforge.apiKey';
/** A pasted spec goes into the link when its packed form is at most this many characters. */
const LINK_SPEC_MAX = 6000;
const POLL_MS = 250;

const state = {
  /** where the spec comes from: {kind: 'example', name} | {kind: 'text'} | {kind: 'file', name, zip, bytes} */
  source: null,
  examples: [],
  stacks: [],
  /** the job being followed: {id, location} */
  job: null,
  downloadUrl: null,
  /** no link updates while the choices are being restored from a link */
  restoring: true,
  linkSeq: 0,
  openSeq: 0,
};

/** An answer of the API (or a local check) to show as a problem: {title, status, detail, location}. */
class Problem extends Error {
  constructor(problem) {
    super(problem.title);
    this.problem = problem;
  }
}

// ---- the API, with the key ---------------------------------------------------------------------------------------

/** fetch() with X-API-Key from sessionStorage; on 401 it asks for the key and tries again. */
async function api(path, init = {}) {
  for (;;) {
    const headers = new Headers(init.headers || {});
    const key = sessionStorage.getItem(KEY);
    if (key) {
      headers.set('X-API-Key', key);
    }
    const response = await fetch(path, { ...init, headers, cache: 'no-store' });
    if (response.status !== 401) {
      return response;
    }
    sessionStorage.removeItem(KEY);
    await askKey(key ? 'The server refused that key. Enter the right one.' : 'This server needs an API key.');
  }
}

let keyPrompt = null;
let keyAnswer = null;

/** Shows the key form (once, however many requests wait for it); resolves when a key is entered. */
function askKey(message) {
  if (!keyPrompt) {
    const focused = document.activeElement;
    keyPrompt = new Promise((resolve, reject) => {
      keyAnswer = { resolve, reject };
      $('key-message').textContent = message;
      $('api-key').value = '';
      $('key-panel').hidden = false;
      $('api-key').focus();
    }).finally(() => {
      keyPrompt = null;
      keyAnswer = null;
      $('key-panel').hidden = true;
      // back where the user was before the key was asked
      if (focused && focused !== document.body && document.contains(focused)) {
        focused.focus();
      }
    });
  }
  return keyPrompt;
}

/** Reads a failed answer as a problem: RFC 9457 JSON when it is one, its status and text otherwise. */
async function problemOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object' && typeof body.title === 'string') {
      return body;
    }
  } catch {
    // not JSON: shown as text below
  }
  return { title: `HTTP ${response.status} ${response.statusText}`.trim(), status: response.status, detail: text.slice(0, 2000) };
}

async function expectOk(response, ...statuses) {
  if (!(statuses.length ? statuses.includes(response.status) : response.ok)) {
    throw new Problem(await problemOf(response));
  }
  return response;
}

// ---- problems --------------------------------------------------------------------------------------------------

function showProblem(p, context) {
  $('problem-title').textContent = (context ? context + ': ' : '') + (p.title || 'Something went wrong');
  $('problem-status').textContent = [p.status ? `HTTP ${p.status}` : '', p.type || ''].filter(Boolean).join(' · ');
  $('problem-detail').textContent = p.detail || '';
  $('problem-location').textContent = p.location || '';
  $('problem-location-line').hidden = !p.location;
  $('problem').hidden = false;
}

function clearProblem() {
  $('problem').hidden = true;
}

/** Runs an action started by the user; whatever it throws is shown as a problem. */
function act(context, action) {
  return async (...args) => {
    try {
      await action(...args);
    } catch (e) {
      if (e instanceof Problem) {
        showProblem(e.problem, context);
      } else {
        showProblem({ title: e instanceof ZipError ? 'Cannot read the zip' : 'Unexpected error', detail: String(e.message || e) }, context);
      }
    }
  };
}

// ---- examples and stacks ---------------------------------------------------------------------------------------

async function loadCapabilities() {
  const select = $('example');
  try {
    const response = await fetch('/', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const caps = response.ok ? await response.json() : {};
    state.examples = Array.isArray(caps.examples) ? caps.examples.filter((e) => e && typeof e.name === 'string') : [];
  } catch {
    state.examples = [];
  }
  for (const e of state.examples) {
    select.append(new Option(e.name, e.name));
  }
  if (!state.examples.length) {
    select.options[0].textContent = '(no examples on this server)';
  }
}

let stacksLoading = null;

/** Loads the stack list once; after a failure (say, the key was not given) the next call tries again. */
function loadStacks() {
  if (!stacksLoading) {
    stacksLoading = fetchStacks().catch((e) => {
      stacksLoading = null;
      throw e;
    });
  }
  return stacksLoading;
}

async function fetchStacks() {
  const response = await expectOk(await api('/api/stacks'));
  state.stacks = await response.json();
  const select = $('stack');
  for (const s of state.stacks) {
    const option = new Option(s.error ? `${s.name} (broken: ${s.error})` : s.name, s.name);
    option.disabled = Boolean(s.error);
    select.append(option);
  }
  describeStack();
}

function describeStack() {
  const s = state.stacks.find((x) => x.name === $('stack').value);
  $('stack-description').textContent = s ? s.description || '' : 'Native specs name their stack (stack:); other formats get the server\'s default.';
}

async function loadExample(name) {
  const example = state.examples.find((e) => e.name === name);
  if (!example) {
    throw new Problem({ title: 'Unknown example', detail: `this server has no example named ${name}` });
  }
  const response = await expectOk(await api(example.href || `/examples/${encodeURIComponent(name)}`));
  $('spec').value = await response.text();
  $('example').value = name;
  state.source = { kind: 'example', name };
  planIsStale();
  describeSource();
}

async function loadFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  $('example').value = '';
  if (zip) {
    // listed here so a bad zip shows before it is sent
    const names = readZip(bytes.buffer).filter((e) => !e.directory).map((e) => e.name);
    state.source = { kind: 'file', name: file.name, zip: true, bytes, files: names };
    $('spec').value = '';
  } else {
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Problem({ title: 'Not a spec', detail: `${file.name} is neither UTF-8 text nor a zip` });
    }
    $('spec').value = text;
    state.source = { kind: 'file', name: file.name, zip: false };
  }
  planIsStale();
  describeSource();
}

/** The choices changed: a plan on show was for others. */
function planIsStale() {
  $('plan').hidden = true;
}

function describeSource() {
  const s = state.source;
  let text = '';
  if (s && s.kind === 'example') {
    text = `Example ${s.name}.`;
  } else if (s && s.kind === 'file' && s.zip) {
    text = `${s.name}: a zip of ${s.files.length} files (${s.files.slice(0, 5).join(', ')}${s.files.length > 5 ? ', …' : ''}), sent as application/zip.`;
  } else if (s && s.kind === 'file') {
    text = `File ${s.name}.`;
  } else if ($('spec').value) {
    text = `Pasted spec, ${$('spec').value.length} characters.`;
  }
  $('source').textContent = text;
  updateLink();
}

/** @returns {{body: BodyInit, type: string}} the spec to send */
function specBody() {
  const s = state.source;
  if (s && s.kind === 'file' && s.zip) {
    return { body: s.bytes, type: 'application/zip' };
  }
  const text = $('spec').value;
  if (!text.trim()) {
    throw new Problem({ title: 'No spec yet', detail: 'Pick an example, drop a file or paste a spec first.' });
  }
  // the server recognises the format from the content
  return { body: text, type: 'text/plain; charset=utf-8' };
}

function stackQuery() {
  const stack = $('stack').value;
  return stack ? `?stack=${encodeURIComponent(stack)}` : '';
}

// ---- the plan --------------------------------------------------------------------------------------------------

async function showPlan() {
  clearProblem();
  const { body, type } = specBody();
  const response = await expectOk(await api('/api/plan' + stackQuery(), {
    method: 'POST', headers: { 'Content-Type': type }, body,
  }));
  renderPlan(await response.json());
}

function facts(dl, rows) {
  dl.replaceChildren();
  for (const [name, value, id] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    if (id) {
      dd.id = id;
    }
    dl.append(dt, dd);
  }
}

const number = (n) => Number(n || 0).toLocaleString('en');

function renderPlan(plan) {
  const llm = plan.llm || {};
  facts($('plan-summary'), [
    ['Project', plan.project],
    ['Stack', plan.stack],
    ['Format', `${plan.format} (recognised by ${plan.detectedBy})`],
    ['Files', plan.fileCount, 'plan-file-count'],
    ...(plan.inlineTypes ? [['Inline body types', plan.inlineTypes]] : []),
  ]);
  const kinds = Object.entries(llm.itemsByKind || {}).map(([k, n]) => `${k} ${n}`).join(', ');
  facts($('plan-llm'), [
    ['Provider', `${llm.provider} (model ${llm.model})`],
    ['Items', `${number(llm.items)}${kinds ? ` (${kinds})` : ''}`, 'plan-items'],
    ['Expected cache hits', number(llm.expectedCacheHits)],
    ['LLM calls', number(llm.calls), 'plan-calls'],
    ['Tokens', `${number(llm.inputTokens)} in, ${number(llm.outputTokens)} out, ${number(llm.cachedInputTokens)} cached in`, 'plan-tokens'],
    ['Estimated cost', `$${Number(llm.costUsd || 0).toFixed(4)}`, 'plan-cost'],
    ['Estimated time', `${(Number(llm.durationMs || 0) / 1000).toFixed(1)} s`],
  ]);
  const warnings = Array.isArray(plan.warnings) ? plan.warnings : [];
  $('plan-warnings').replaceChildren(...warnings.map((w) => {
    const li = document.createElement('li');
    li.textContent = w;
    return li;
  }));
  $('plan-warnings-box').hidden = !warnings.length;
  renderTree($('plan-tree'), (plan.files || []).map((f) => ({ path: f.path, file: f })), (item, name) => {
    const span = document.createElement('span');
    span.className = 'file';
    span.dataset.path = item.path;
    span.textContent = name;
    span.title = `template ${item.file.template}`;
    if (item.file.critical) {
      const star = document.createElement('span');
      star.className = 'critical';
      star.textContent = ' ★';
      star.title = 'critical: the project fails without it';
      span.append(star);
    }
    if (item.file.enrich && item.file.enrich.length) {
      const kinds = document.createElement('span');
      kinds.className = 'kinds';
      kinds.textContent = ` [${item.file.enrich.join(', ')}]`;
      span.append(kinds);
    }
    return span;
  });
  $('plan').hidden = false;
}

// ---- trees -----------------------------------------------------------------------------------------------------

/**
 * Renders paths as nested lists: folders are <details> (open), files whatever leaf() makes. A chain of folders
 * with one folder each is shown as one (src/main/java/com/acme/).
 */
function renderTree(container, items, leaf) {
  const root = { dirs: new Map(), files: [] };
  for (const item of items) {
    const parts = item.path.split('/').filter((p) => p.length);
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (!node.dirs.has(part)) {
        node.dirs.set(part, { dirs: new Map(), files: [] });
      }
      node = node.dirs.get(part);
    }
    node.files.push({ name: parts[parts.length - 1] || item.path, item });
  }
  container.replaceChildren(list(root, leaf));
}

function list(node, leaf) {
  const ul = document.createElement('ul');
  for (const name of [...node.dirs.keys()].sort()) {
    let label = name + '/';
    let dir = node.dirs.get(name);
    while (dir.files.length === 0 && dir.dirs.size === 1) {
      const [only] = dir.dirs.keys();
      label += only + '/';
      dir = dir.dirs.get(only);
    }
    const li = document.createElement('li');
    const details = document.createElement('details');
    details.open = true;
    const summary = document.createElement('summary');
    summary.textContent = label;
    details.append(summary, list(dir, leaf));
    li.append(details);
    ul.append(li);
  }
  for (const f of node.files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const li = document.createElement('li');
    li.append(leaf(f.item, f.name));
    ul.append(li);
  }
  return ul;
}

// ---- generation ------------------------------------------------------------------------------------------------

const finished = (s) => s === 'succeeded' || s === 'failed' || s === 'cancelled';
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function generate() {
  clearProblem();
  const { body, type } = specBody();
  $('generate-button').disabled = true;
  try {
    const created = await expectOk(await api('/api/jobs' + stackQuery(), {
      method: 'POST', headers: { 'Content-Type': type }, body,
    }), 202);
    let status = await created.json();
    const job = { id: status.id, location: created.headers.get('Location') || `/api/jobs/${status.id}` };
    state.job = job;
    $('result').hidden = true;
    $('job').hidden = false;
    renderStatus(status);
    while (!finished(status.state)) {
      await delay(POLL_MS);
      if (state.job !== job) {
        return;
      }
      status = await (await expectOk(await api(job.location))).json();
      renderStatus(status);
    }
    if (status.state === 'succeeded') {
      await showResult(status.result || `${job.location}/result`, status);
    } else if (status.state === 'failed') {
      showProblem(status.problem || { title: 'The job failed', detail: '' }, 'Generation failed');
    }
  } finally {
    $('generate-button').disabled = false;
  }
}

function renderStatus(s) {
  const progress = $('progress');
  const total = Number(s.filesTotal || 0);
  const done = Number(s.filesDone || 0);
  if (total > 0) {
    progress.max = total;
    progress.value = done;
  } else if (finished(s.state)) {
    progress.max = 1;
    progress.value = s.state === 'succeeded' ? 1 : 0;
  } else {
    progress.removeAttribute('value'); // indeterminate until the plan is known
  }
  $('progress-text').textContent = total > 0 ? `${done} / ${total} files` : s.state;
  $('job-state').textContent = s.state;
  $('job-phase').textContent = s.phase;
  $('job-llm').textContent = number(s.llmRequests);
  $('job-eta').textContent = s.etaSeconds == null ? '—' : `${s.etaSeconds} s`;
  $('job-id').textContent = s.id;
  $('job').dataset.state = s.state;
  $('cancel-button').hidden = finished(s.state);
}

async function cancelJob() {
  const job = state.job;
  if (!job) {
    return;
  }
  const response = await expectOk(await api(job.location, { method: 'DELETE' }), 202, 204);
  if (response.status === 202) {
    renderStatus(await response.json());
  }
}

// ---- the result ------------------------------------------------------------------------------------------------

function fileName(response, fallback) {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
  return match ? match[1] : fallback;
}

async function showResult(path, status) {
  const response = await expectOk(await api(path));
  const bytes = await response.arrayBuffer();
  if (state.downloadUrl) {
    URL.revokeObjectURL(state.downloadUrl);
  }
  // the exact bytes the API answered
  state.downloadUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const download = $('download');
  download.href = state.downloadUrl;
  download.download = fileName(response, `${status.project || 'project'}.zip`);
  const llm = response.headers.get('X-Specforge-Llm-Requests');
  const cost = response.headers.get('X-Specforge-Cost-Usd');
  $('result-summary').textContent = `${download.download}, ${number(bytes.byteLength)} bytes`
    + (llm != null ? `, ${llm} LLM calls` : '') + (cost != null ? `, $${Number(cost).toFixed(4)}` : '');
  $('viewer-path').textContent = 'Choose a file on the left';
  $('viewer-note').textContent = '';
  $('viewer').textContent = '';
  $('result').hidden = false;
  $('result').dataset.job = status.id;
  let entries;
  try {
    entries = readZip(bytes).filter((e) => !e.directory);
  } catch (e) {
    $('result-tree').replaceChildren();
    throw e;
  }
  renderTree($('result-tree'), entries.map((e) => ({ path: e.name, entry: e })), (item, name) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'file';
    button.dataset.path = item.path;
    button.textContent = name;
    button.addEventListener('click', act('Opening a file', () => openFile(item.entry, button)));
    return button;
  });
}

const MAX_SHOWN = 2 * 1024 * 1024;

async function openFile(entry, button) {
  const seq = ++state.openSeq;
  for (const b of $('result-tree').querySelectorAll('button[aria-current]')) {
    b.removeAttribute('aria-current');
  }
  button.setAttribute('aria-current', 'true');
  $('viewer-path').textContent = entry.name;
  $('viewer-note').textContent = 'Reading…';
  $('viewer').textContent = '';
  $('viewer').dataset.path = '';
  let bytes;
  try {
    bytes = await entry.read();
  } catch (e) {
    if (seq === state.openSeq) {
      $('viewer-note').textContent = `Cannot show this file: ${e.message}`;
    }
    return;
  }
  if (seq !== state.openSeq) {
    return;
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    $('viewer-note').textContent = `A binary file, ${number(bytes.length)} bytes: not shown.`;
    return;
  }
  const shown = bytes.length > MAX_SHOWN ? bytes.subarray(0, MAX_SHOWN) : bytes;
  $('viewer').textContent = new TextDecoder('utf-8').decode(shown);
  $('viewer').dataset.path = entry.name;
  $('viewer-note').textContent = `${number(bytes.length)} bytes`
    + (shown !== bytes ? `; the first ${number(MAX_SHOWN)} are shown, download the zip for the rest` : '');
}

// ---- the link --------------------------------------------------------------------------------------------------

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes, transform) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A spec text as it goes into the link: UTF-8, deflated, base64url. */
async function pack(text) {
  return toBase64Url(await through(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

async function unpack(packed) {
  return new TextDecoder('utf-8', { fatal: true }).decode(await through(fromBase64Url(packed), new DecompressionStream('deflate-raw')));
}

/** Puts the choices into the URL's fragment: stack, example, and a pasted spec when it is small enough. */
async function updateLink() {
  if (state.restoring) {
    return;
  }
  const seq = ++state.linkSeq;
  const params = new URLSearchParams();
  let note = '';
  if ($('stack').value) {
    params.set('stack', $('stack').value);
  }
  const s = state.source;
  if (s && s.kind === 'example') {
    params.set('example', s.name);
  } else if (s && s.kind === 'file' && s.zip) {
    note = 'A zip spec does not fit in a link: the link keeps the stack only.';
  } else if ($('spec').value.trim()) {
    const packed = await pack($('spec').value);
    if (packed.length <= LINK_SPEC_MAX) {
      params.set('spec', packed);
    } else {
      note = 'This spec is too large for a link: the link keeps the stack only.';
    }
  }
  if (seq !== state.linkSeq) {
    return;
  }
  const hash = params.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
  $('share-note').textContent = note;
}

/** Restores the choices from the URL's fragment (made by updateLink). */
async function restore(stacksLoaded, examplesLoaded) {
  state.restoring = true;
  const params = new URLSearchParams(location.hash.slice(1));
  try {
    await Promise.all([
      stacksLoaded.then(() => {
        const stack = params.get('stack');
        if (stack && state.stacks.some((s) => s.name === stack && !s.error)) {
          $('stack').value = stack;
        } else if (stack) {
          $('share-note').textContent = `The link's stack ${stack} is not installed here.`;
        }
        describeStack();
      }),
      examplesLoaded.then(async () => {
        if (params.has('spec')) {
          try {
            $('spec').value = await unpack(params.get('spec'));
          } catch {
            throw new Problem({ title: 'Broken link', detail: 'the spec in this link cannot be read' });
          }
          $('example').value = '';
          state.source = { kind: 'text' };
        } else if (params.has('example')) {
          await loadExample(params.get('example'));
        }
      }),
    ]);
  } finally {
    state.restoring = false;
    describeSource();
  }
}

async function copyLink() {
  await updateLink();
  try {
    await navigator.clipboard.writeText(location.href);
    $('share-note').textContent = 'Link copied.';
  } catch {
    $('share-note').textContent = 'Copy the address bar: it holds the link.';
  }
}

// ---- wiring ----------------------------------------------------------------------------------------------------

function wire() {
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('api-key').value.trim();
    if (key && keyAnswer) {
      sessionStorage.setItem(KEY, key);
      keyAnswer.resolve();
    }
    // the list of stacks, when an earlier prompt was cancelled (else this is the request already waiting for the key)
    if (!state.stacks.length) {
      act('Loading the stacks', loadStacks)();
    }
  });
  $('key-form').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      $('key-cancel').click();
    }
  });
  $('key-cancel').addEventListener('click', () => {
    if (keyAnswer) {
      keyAnswer.reject(new Problem({ title: 'No API key', detail: 'this server answers only requests with its API key' }));
    }
  });
  $('example').addEventListener('change', act('Loading the example', async () => {
    clearProblem();
    if ($('example').value) {
      await loadExample($('example').value);
    }
  }));
  $('stack').addEventListener('change', () => {
    planIsStale();
    describeStack();
    updateLink();
  });
  let typing;
  $('spec').addEventListener('input', () => {
    planIsStale();
    if (!state.source || state.source.kind !== 'text') {
      state.source = { kind: 'text' };
      $('example').value = '';
    }
    clearTimeout(typing);
    typing = setTimeout(describeSource, 300);
  });
  $('file').addEventListener('change', act('Reading the file', async () => {
    clearProblem();
    const file = $('file').files[0];
    if (file) {
      await loadFile(file);
    }
  }));
  const drop = $('drop');
  // a file dropped anywhere else must not replace the page
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => e.preventDefault());
  drop.addEventListener('dragover', () => drop.classList.add('over'));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', act('Reading the file', async (event) => {
    drop.classList.remove('over');
    clearProblem();
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (file) {
      await loadFile(file);
    }
  }));
  $('plan-button').addEventListener('click', act('Plan', showPlan));
  $('generate-button').addEventListener('click', act('Generate', generate));
  $('cancel-button').addEventListener('click', act('Cancel', cancelJob));
  $('share-button').addEventListener('click', act('Link', copyLink));
  window.addEventListener('hashchange', act('Opening the link', () => restore(Promise.resolve(), Promise.resolve())));
}

async function start() {
  wire();
  const examplesLoaded = loadCapabilities();
  const stacksLoaded = loadStacks();
  await act('Opening the link', () => restore(stacksLoaded.catch(() => {}), examplesLoaded))();
  await act('Loading the stacks', () => stacksLoaded)();
  document.body.dataset.ready = 'true';
}

start();
