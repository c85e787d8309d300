'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { startApi, validInstance } = require('./helpers');

// example Customer values (the sample-data enrichment, as JSON text); validInstance keeps what keeps the rules and
// makes the rest
const samples = JSON.parse([
  "[ {",
  "  \"id\" : \"3fa85f64-5717-4562-b3fc-2c963f66afa6\",",
  "  \"email\" : \"jane.doe@example.com\",",
  "  \"name\" : \"Jane Doe\",",
  "  \"status\" : \"ACTIVE\",",
  "  \"orders\" : [ {",
  "    \"id\" : 1,",
  "    \"total\" : 19.99,",
  "    \"quantity\" : 1,",
  "    \"placedOn\" : \"2024-01-15\",",
  "    \"paid\" : true,",
  "    \"tags\" : [ \"tags-1\" ]",
  "  } ],",
  "  \"createdAt\" : \"2024-01-15T09:30:00Z\"",
  "}, {",
  "  \"id\" : \"9b2e7c1a-4f3d-4e8b-a1c2-5d6e7f8a9b0c\",",
  "  \"email\" : \"jane.doe2@example.com\",",
  "  \"name\" : \"John Smith\",",
  "  \"status\" : \"SUSPENDED\",",
  "  \"orders\" : [ {",
  "    \"id\" : 2,",
  "    \"total\" : 29.99,",
  "    \"quantity\" : 2,",
  "    \"placedOn\" : \"2024-02-15\",",
  "    \"paid\" : false,",
  "    \"tags\" : [ \"tags-2\" ]",
  "  } ],",
  "  \"createdAt\" : \"2024-02-15T09:30:00Z\"",
  "} ]",
].join('\n'));

const PATH = '/api/customers';
let api;

before(async () => {
  api = await startApi();
});

after(() => api.close());

test('Customer: created, read, listed, replaced and deleted over HTTP', async () => {
  const item = validInstance("Customer", samples[0]);
  const created = await api.request('POST', PATH, item);
  assert.equal(created.status, 201, created.text);
  assert.equal(created.type, 'application/json');
  const location = created.headers.get('location');
  assert.equal(location, `${PATH}/${encodeURIComponent(created.body.id)}`, 'the Location names the assigned id');
  assert.deepEqual(created.body, { ...item, id: created.body.id });

  const read = await api.request('GET', location);
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(read.body, created.body);
  const list = await api.request('GET', PATH);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.body, [created.body]);

  const replacement = validInstance("Customer", samples[1] ?? samples[0]);
  const replaced = await api.request('PUT', location, replacement);
  assert.equal(replaced.status, 200, replaced.text);
  assert.deepEqual(replaced.body, { ...replacement, id: created.body.id });
  assert.deepEqual((await api.request('GET', location)).body, replaced.body);

  assert.equal((await api.request('DELETE', location)).status, 204);
  const gone = await api.request('GET', location);
  assert.equal(gone.status, 404, gone.text);
  assert.equal(gone.type, 'application/problem+json');
});

test('Customer: a body that breaks a rule is a 400 problem naming each violation, and nothing is stored', async () => {
  const extra = await api.request('POST', PATH, { ...validInstance("Customer", samples[0]), "unknownProperty": true });
  assert.equal(extra.status, 400, extra.text);
  assert.equal(extra.type, 'application/problem+json');
  assert.equal(extra.body.status, 400);
  assert.deepEqual(extra.body.errors.map((v) => [v.pointer, v.rule]), [["/unknownProperty", 'additionalProperties']]);

  const empty = await api.request('POST', PATH, {});
  assert.equal(empty.status, 400, empty.text);
  const missing = empty.body.errors.filter((v) => v.rule === 'required').map((v) => v.pointer);
  assert.deepEqual(missing, ["/email"]);

  const malformed = await api.request('POST', PATH, '{"unfinished": ');
  assert.equal(malformed.status, 400, malformed.text);
  assert.equal(malformed.type, 'application/problem+json');
  assert.deepEqual((await api.request('GET', PATH)).body, []);
});

test('Customer: an id no record has is a 404 problem', async () => {
  const path = `${PATH}/${randomUUID()}`;
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const body = method === 'PUT' ? validInstance("Customer", samples[0]) : undefined;
    const res = await api.request(method, path, body);
    assert.equal(res.status, 404, `${method}: ${res.text}`);
    assert.equal(res.type, 'application/problem+json');
    assert.equal(res.body.status, 404);
  }
});
