<#noparse>
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { validateObject, normalize } = require('../src/models/validate');
const { compare, integerText } = require('../src/models/numbers');
const formats = require('../src/models/formats');
const { parseJson, toJson } = require('../src/json');

// a model written by hand, with one field per kind of check (the generated models in src/models/ look the same)
const model = {
  name: 'Sample',
  kind: 'object',
  fields: [
    { name: 'name', type: 'string', format: '', many: false, nullable: false, rules: [{ kind: 'required' }, { kind: 'notBlank' }, { kind: 'maxLength', value: 5 }] },
    { name: 'code', type: 'string', format: '', many: false, nullable: false, rules: [{ kind: 'pattern', value: '^[A-Z]+$' }] },
    { name: 'mail', type: 'string', format: 'email', many: false, nullable: false, rules: [{ kind: 'email' }] },
    { name: 'site', type: 'string', format: 'uri', many: false, nullable: false, rules: [{ kind: 'pattern', value: '^https?://' }] },
    { name: 'age', type: 'integer', format: '', many: false, nullable: false, rules: [{ kind: 'minimum', value: '0' }] },
    { name: 'big', type: 'long', format: '', many: false, nullable: false, rules: [] },
    { name: 'price', type: 'decimal', format: '', many: false, nullable: false, rules: [{ kind: 'maximum', value: '12345678901234567.89' }] },
    { name: 'tags', type: 'string', format: '', many: true, nullable: false, rules: [{ kind: 'maxItems', value: 2 }] },
    { name: 'on', type: 'date', format: '', many: false, nullable: false, rules: [{ kind: 'pastOrPresent' }] },
    { name: 'note', type: 'string', format: '', many: false, nullable: true, rules: [] },
  ],
};

/** @returns {string[][]} the [pointer, rule] of each violation of the JSON text */
function violations(text) {
  return validateObject(model, parseJson(text)).map((v) => [v.pointer, v.rule]);
}

test('a value that keeps every rule has no violation', () => {
  assert.deepEqual(violations('{"name":"Ann","code":"AB","mail":"a@b.io","age":3,"big":9007199254740993,'
    + '"price":12345678901234567.89,"tags":["x"],"on":"2024-02-29","note":null}'), []);
});

test('each broken rule is reported with its pointer and name', () => {
  assert.deepEqual(violations('{"code":"ab","mail":"nope","age":-1,"tags":["a","b",3],"on":"2999-01-01","x~/":1}'), [
    ['/x~0~1', 'additionalProperties'],
    ['/name', 'required'],
    ['/code', 'pattern'],
    ['/mail', 'format'],
    ['/age', 'minimum'],
    ['/tags/2', 'type'],
    ['/tags', 'maxItems'],
    ['/on', 'pastOrPresent'],
  ]);
  assert.deepEqual(violations('{"name":" "}'), [['/name', 'notBlank']]);
  assert.deepEqual(violations('{"name":"Annabel"}'), [['/name', 'maxLength']]);
  assert.deepEqual(violations('{"name":7}'), [['/name', 'type']]);
  assert.deepEqual(violations('{"name":"Ann","on":"2023-02-29"}'), [['/on', 'format']]);
  assert.deepEqual(violations('{"name":"Ann","site":"not-a-url"}'), [['/site', 'format'], ['/site', 'pattern']]);
});

test('numbers are checked exactly: 64-bit and 32-bit integers, decimal bounds beyond a double', () => {
  assert.deepEqual(violations('{"name":"A","big":9223372036854775808}'), [['/big', 'type']]);
  assert.deepEqual(violations('{"name":"A","age":2147483648}'), [['/age', 'type']]);
  assert.deepEqual(violations('{"name":"A","age":1.5}'), [['/age', 'type']]);
  assert.deepEqual(violations('{"name":"A","price":12345678901234567.891}'), [['/price', 'maximum']]);
  assert.equal(compare('12345678901234567.89', '12345678901234567.9'), -1);
  assert.equal(compare('1.50', '1.5'), 0);
  assert.equal(compare('-2', '-10'), 1);
  assert.equal(compare('1e3', '999.99'), 1);
  assert.equal(integerText('1.0e2', 32), '100');
  assert.equal(integerText('-9223372036854775808', 64), '-9223372036854775808');
});

test('a body that is not a JSON object is one violation about the body itself', () => {
  for (const text of ['[]', '42', '"x"', 'null']) {
    assert.deepEqual(violations(text), [['', 'type']], text);
  }
});

test('a stored record keeps the digits, drops null optional properties and writes integers plainly', () => {
  const record = normalize(model, parseJson('{"name":"A","age":1.0,"price":1234.50,"big":9007199254740993,"note":null}'));
  assert.equal(toJson(record), '{"name":"A","age":1,"big":9007199254740993,"price":1234.50,"note":null}');
  assert.equal(toJson(normalize({ fields: model.fields.slice(0, 3) }, parseJson('{"name":"A","code":null}'))), '{"name":"A"}');
});

test('date-times are RFC 3339 with an offset, compared as instants', () => {
  assert.ok(formats.isDateTime('2024-01-15T09:30:00.123456+02:00'));
  assert.ok(!formats.isDateTime('2024-01-15T09:30:00'));
  assert.ok(!formats.isDateTime('2024-01-15T24:00:00Z'));
  assert.equal(formats.instant('2024-01-15T09:30:00+02:00'), formats.instant('2024-01-15T07:30:00Z'));
});
</#noparse>
