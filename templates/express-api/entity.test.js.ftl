<#import "lib/js.ftl" as js>
<#assign e = entity>
<#assign id = js.idField(e)>
<#assign mustHave = e.fields?filter(f -> f.rules?filter(r -> r.kind == "required")?has_content && !(id?is_hash && f.name == "id"))>
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { MemoryStore } = require('../src/db/memory-store');
const { ${e.name}Service } = require('../src/services/${e.kebab}-service');
const { ${e.name}Handlers } = require('../src/handlers/${e.kebab}-handlers');

// example ${e.name} values (the sample-data enrichment)
const samples = ${e.samplesJson};

/** Calls a handler with a request and a response that records what the handler answered. */
function call(handler, { params = {}, body } = {}) {
  const res = {
    statusCode: 200,
    headers: {},
    status(code) {
      this.statusCode = code;
      return this;
    },
    json(value) {
      this.body = value;
      return this;
    },
    set(name, value) {
      this.headers[name.toLowerCase()] = value;
      return this;
    },
    end() {
      return this;
    },
  };
  handler({ params, body }, res);
  return res;
}

function handlers() {
  return ${e.name}Handlers(new ${e.name}Service(new MemoryStore()));
}

test('${e.name}: a sample is created, read, listed, updated and deleted', (t) => {
  if (samples.length === 0) {
    t.skip('no sample ${e.name}: add one to samples');
    return;
  }
  const h = handlers();
  const created = call(h.create, { body: structuredClone(samples[0]) });
  if (created.statusCode === 400) {
    t.skip(`the sample does not satisfy the validation rules, fix it: ${r"${JSON.stringify(created.body.details)}"}`);
    return;
  }
  assert.equal(created.statusCode, 201);
  const id = decodeURIComponent(created.headers.location.split('/').pop());
  assert.equal(call(h.get, { params: { id } }).statusCode, 200);
  assert.equal(call(h.list).body.length, 1);
  assert.equal(call(h.update, { params: { id }, body: created.body }).statusCode, 200);
  assert.equal(call(h.remove, { params: { id } }).statusCode, 204);
  assert.equal(call(h.get, { params: { id } }).statusCode, 404);
});

test('${e.name}: a body that is not a JSON object is rejected', () => {
  const res = call(handlers().create, { body: [] });
  assert.equal(res.statusCode, 400);
});
<#if mustHave?has_content>

test('${e.name}: missing required properties are named', () => {
  const res = call(handlers().create, { body: {} });
  assert.equal(res.statusCode, 400);
  assert.ok(res.body.details.some((p) => p.field === ${jsString(mustHave[0].jsonName)}), JSON.stringify(res.body));
});
</#if>

test('${e.name}: an unknown id is not found', () => {
  assert.equal(call(handlers().get, { params: { id: 'no-such-id' } }).statusCode, 404);
});
