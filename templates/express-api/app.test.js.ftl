<#assign crud = operationGroups?has_content?then([], objectEntities)>
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startApi } = require('./helpers');
const { parseJson, toJson } = require('../src/json');

let api;

before(async () => {
  api = await startApi();
});

after(() => api.close());

test('GET /health answers 200 {"status":"UP"}', async () => {
  const res = await api.request('GET', '/health');
  assert.equal(res.status, 200);
  assert.equal(res.type, 'application/json');
  assert.deepEqual(res.body, { status: 'UP' });
});

<#if operationGroups?has_content>
test('GET /openapi.json answers the OpenAPI document of src/openapi.json', async () => {
  const res = await api.request('GET', '/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.type, 'application/json');
<#else>
test('GET /openapi.json answers the OpenAPI 3.1 document of src/openapi.json', async () => {
  const res = await api.request('GET', '/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.type, 'application/json');
  assert.equal(res.body.openapi, '3.1.0');
</#if>
  assert.deepEqual(res.body, JSON.parse(fs.readFileSync(path.join(__dirname, '../src/openapi.json'), 'utf8')));
<#if crud?has_content>
  assert.deepEqual(Object.keys(res.body.paths), [
<#list crud as e>
    '/api/${e.plural}',
    '/api/${e.plural}/{id}',
</#list>
  ]);
</#if>
});

test('an unknown path is a 404 problem', async () => {
  const res = await api.request('GET', '/no/such/path');
  assert.equal(res.status, 404);
  assert.equal(res.type, 'application/problem+json');
  assert.equal(res.body.type, 'about:blank');
  assert.equal(res.body.status, 404);
  assert.equal(typeof res.body.title, 'string');
  assert.equal(typeof res.body.detail, 'string');
});
<#if crud?has_content>
<#assign e = crud[0]>

test('a body that is not a JSON object is a 400 problem about the body itself', async () => {
  for (const body of ['{"unfinished": ', '[]', '42', '"text"', 'null', '{"a": 1, "a": 2}']) {
    const res = await api.request('POST', '/api/${e.plural}', body);
    assert.equal(res.status, 400, `${r"${body}: ${res.text}"}`);
    assert.equal(res.type, 'application/problem+json');
    assert.deepEqual(res.body.errors.map((v) => [v.pointer, v.rule]), [['', 'type']], body);
  }
});

test('a method a collection does not serve is a 405 problem', async () => {
  const res = await api.request('PATCH', '/api/${e.plural}');
  assert.equal(res.status, 405);
  assert.equal(res.headers.get('allow'), 'GET, POST');
  assert.equal(res.type, 'application/problem+json');
});
</#if>

test('JSON numbers keep every digit: decimals, their trailing zeros and 64-bit integers', () => {
  const text = '{"decimal":12345678901234567.89,"price":1234.50,"long":9007199254740993,"small":-0.000001}';
  assert.equal(toJson(parseJson(text)), text);
});
