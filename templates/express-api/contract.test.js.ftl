<#noparse>
'use strict';

// Contract tests: every operation of src/contract.json gets its valid request (answered with the document's status,
// the body valid against the answer's schema; an item of a resource whose id is not stored may be a 404 problem) and,
// when one can be made, its invalid request (a 400 problem). Run in the order of the contract, over HTTP.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startApi } = require('./helpers');
const { loadContract } = require('../src/contract/router');
const { Schemas } = require('../src/contract/schemas');
const { isJsonType } = require('../src/contract/answers');

const { plain: contract } = loadContract();
const basePath = contract.basePath || '';
const schemas = new Schemas(contract.$defs);
const ITEM_ROLES = new Set(['read', 'replace', 'update', 'delete']);

let api;

before(async () => {
  api = await startApi();
});

after(() => api.close());

/**
 * Sends one of the contract's cases.
 * @param {object} operation the contract's operation
 * @param {object} request its case: path (under the base path, encoded), query pairs, headers, content type, body
 * @returns {Promise<import('./helpers').Answer>}
 */
function send(operation, request) {
  const query = (request.query || []).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const target = basePath + request.path + (query === '' ? '' : `?${query}`);
  const body = request.body === null || request.body === undefined ? undefined
    : typeof request.body === 'string' && isJsonType(request.contentType || 'application/json')
      ? JSON.stringify(request.body) : request.body;
  return api.request(operation.method, target, body,
    { headers: request.headers || {}, contentType: request.contentType || undefined });
}

for (const operation of contract.operations) {
  const { cases, answer, resource } = operation;
  const name = `${operation.method} ${operation.path} (${operation.id})`;

  test(`${name}: the valid request is answered as the document says`, async () => {
    const res = await send(operation, cases.valid);
    const detail = `${res.status} ${res.text.slice(0, 500)}`;
    if (answer === null) {
      assert.equal(res.status, 501, detail);
      return;
    }
    if (res.status === 404 && resource && ITEM_ROLES.has(resource.role)) {
      assert.equal(res.type, 'application/problem+json', detail);
      assert.equal(res.body.status, 404, detail);
      return;
    }
    assert.equal(res.status, answer.status, detail);
    if (answer.schema !== null && answer.contentType !== null && isJsonType(answer.contentType)) {
      assert.ok(res.body !== undefined, `a JSON body is expected: ${detail}`);
      const broken = schemas.compile(answer.schema)(res.body);
      assert.deepEqual(broken, [], `the answer breaks its schema: ${detail}`);
    }
  });

  if (cases.invalid !== null) {
    test(`${name}: the invalid request is a 400 problem (${cases.invalid.reason})`, async () => {
      const res = await send(operation, cases.invalid);
      const detail = `${res.status} ${res.text.slice(0, 500)}`;
      assert.equal(res.status, 400, detail);
      assert.equal(res.type, 'application/problem+json', detail);
      assert.equal(res.body.status, 400, detail);
      assert.equal(typeof res.body.detail, 'string', detail);
    });
  }
}

const first = contract.operations[0];
const served = first ? contract.operations.filter((o) => o.path === first.path).map((o) => o.method) : [];
const other = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'].find((m) => !served.includes(m));

test('a known path with another method is a 405 problem with Allow', { skip: !first || !other }, async () => {
  const operation = first;
  const res = await api.request(other, basePath + operation.cases.valid.path);
  assert.equal(res.status, 405, res.text);
  assert.equal(res.type, 'application/problem+json');
  assert.deepEqual(res.headers.get('allow').split(', ').sort(), [...new Set(served)].sort());
});

test('GET <basePath>/openapi.json answers the same document as GET /openapi.json', async () => {
  const root = await api.request('GET', '/openapi.json');
  const under = await api.request('GET', `${basePath}/openapi.json`);
  assert.equal(under.status, 200);
  assert.equal(under.text, root.text);
});
</#noparse>
