<#import "lib/js.ftl" as js>
<#assign e = entity>
<#assign id = js.idField(e)>
<#assign mustHave = e.fields?filter(f -> f.rules?filter(r -> r.kind == "required")?has_content && !(id?is_hash && f.name == "id"))>
<#assign names = e.fields?map(f -> f.jsonName)>
<#assign unknown = "unknownProperty">
<#list 1..3 as n><#if names?seq_contains(unknown)><#assign unknown = unknown + "X"></#if></#list>
<#assign numericId = id?is_hash && (id.type == "integer" || id.type == "long")>
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
<#if !numericId>
const { randomUUID } = require('node:crypto');
</#if>
const { startApi, validInstance } = require('./helpers');

// example ${e.name} values (the sample-data enrichment, as JSON text); validInstance keeps what keeps the rules and
// makes the rest
const samples = JSON.parse([
<#list e.samplesJson?split("\n") as line>
  ${jsString(line)},
</#list>
].join('\n'));

const PATH = '/api/${e.plural}';
let api;

before(async () => {
  api = await startApi();
});

after(() => api.close());

test('${e.name}: created, read, listed, replaced and deleted over HTTP', async () => {
  const item = validInstance(${jsString(e.name)}, samples[0]);
  const created = await api.request('POST', PATH, item);
  assert.equal(created.status, 201, created.text);
  assert.equal(created.type, 'application/json');
  const location = created.headers.get('location');
<#if id?is_hash>
  assert.equal(location, `${r"${PATH}/${encodeURIComponent(created.body.id)}"}`, 'the Location names the assigned id');
  assert.deepEqual(created.body, { ...item, id: created.body.id });
<#else>
  assert.match(location, /^\/api\/${e.plural}\/[0-9a-f-]{36}$/, 'the Location names the key the service assigned');
  assert.deepEqual(created.body, item);
</#if>

  const read = await api.request('GET', location);
  assert.equal(read.status, 200, read.text);
  assert.deepEqual(read.body, created.body);
  const list = await api.request('GET', PATH);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.body, [created.body]);

  const replacement = validInstance(${jsString(e.name)}, samples[1] ?? samples[0]);
  const replaced = await api.request('PUT', location, replacement);
  assert.equal(replaced.status, 200, replaced.text);
  assert.deepEqual(replaced.body, <#if id?is_hash>{ ...replacement, id: created.body.id }<#else>replacement</#if>);
  assert.deepEqual((await api.request('GET', location)).body, replaced.body);

  assert.equal((await api.request('DELETE', location)).status, 204);
  const gone = await api.request('GET', location);
  assert.equal(gone.status, 404, gone.text);
  assert.equal(gone.type, 'application/problem+json');
});

test('${e.name}: a body that breaks a rule is a 400 problem naming each violation, and nothing is stored', async () => {
  const extra = await api.request('POST', PATH, { ...validInstance(${jsString(e.name)}, samples[0]), ${jsString(unknown)}: true });
  assert.equal(extra.status, 400, extra.text);
  assert.equal(extra.type, 'application/problem+json');
  assert.equal(extra.body.status, 400);
  assert.deepEqual(extra.body.errors.map((v) => [v.pointer, v.rule]), [[${jsString("/" + unknown)}, 'additionalProperties']]);
<#if mustHave?has_content>

  const empty = await api.request('POST', PATH, {});
  assert.equal(empty.status, 400, empty.text);
  const missing = empty.body.errors.filter((v) => v.rule === 'required').map((v) => v.pointer);
  assert.deepEqual(missing, [<#list mustHave as f>${jsString("/" + f.jsonName?replace("~", "~0")?replace("/", "~1"))}<#sep>, </#list>]);
</#if>

  const malformed = await api.request('POST', PATH, '{"unfinished": ');
  assert.equal(malformed.status, 400, malformed.text);
  assert.equal(malformed.type, 'application/problem+json');
  assert.deepEqual((await api.request('GET', PATH)).body, []);
});

test('${e.name}: an id no record has is a 404 problem', async () => {
  const path = `${r"${PATH}"}/<#if numericId>999999<#else>${r"${randomUUID()}"}</#if>`;
  for (const method of ['GET', 'PUT', 'DELETE']) {
    const body = method === 'PUT' ? validInstance(${jsString(e.name)}, samples[0]) : undefined;
    const res = await api.request(method, path, body);
    assert.equal(res.status, 404, `${r"${method}: ${res.text}"}`);
    assert.equal(res.type, 'application/problem+json');
    assert.equal(res.body.status, 404);
  }
});
