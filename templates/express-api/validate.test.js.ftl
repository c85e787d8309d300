<#noparse>
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { validate } = require('../src/models/validate');

const fields = [
  { name: 'name', type: 'string', many: false, rules: [{ kind: 'required' }, { kind: 'maxLength', value: 5 }] },
  { name: 'code', type: 'string', many: false, rules: [{ kind: 'pattern', value: '^[A-Z]+$' }] },
  { name: 'age', type: 'integer', many: false, rules: [{ kind: 'minimum', value: 0 }] },
  { name: 'tags', type: 'string', many: true, rules: [{ kind: 'maxItems', value: 2 }] },
  { name: 'on', type: 'date', many: false, rules: [] },
];

test('validate accepts a value that keeps every rule', () => {
  assert.deepEqual(validate(fields, { name: 'Ann', code: 'AB', age: 3, tags: ['x'], on: '2024-02-29' }), []);
});

test('validate names each broken rule and wrong type', () => {
  const problems = validate(fields, { code: 'ab', age: -1, tags: ['a', 'b', 'c'], on: '2023-02-29' });
  assert.deepEqual(problems.map((p) => p.field), ['name', 'code', 'age', 'tags', 'on']);
  assert.deepEqual(validate(fields, { name: 'Annabel' }).map((p) => p.problem), ['must be at most 5 characters long']);
  assert.deepEqual(validate(fields, { name: 7 }).map((p) => p.problem), ['must be a string']);
});

test('validate refuses a body that is not an object', () => {
  assert.equal(validate(fields, null).length, 1);
  assert.equal(validate(fields, []).length, 1);
});
</#noparse>
