'use strict';

// A service generated from an OpenAPI document validates a discriminated union through contract.json: each
// discriminator value selects its branch (mapping), so a value of one branch is accepted, an unknown value and a
// branch's wrong property type are refused with 400 problems.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startApi } = require('./helpers');

let api;
before(async () => {
  api = await startApi();
});
after(async () => {
  await api.close();
});

test('an Adoptable hamster and an Adoptable parrot are accepted', async () => {
  const hamster = await api.request('POST', '/api/adoptions', { species: 'hamster', wheelTurns: 3, nickname: 'H' });
  assert.equal(hamster.status, 200, hamster.text);
  const parrot = await api.request('POST', '/api/adoptions', { species: 'parrot', words: ['hello'] });
  assert.equal(parrot.status, 200, parrot.text);
});

test('an unknown discriminator value is refused', async () => {
  const res = await api.request('POST', '/api/adoptions', { species: 'dragon' });
  assert.equal(res.status, 400, res.text);
  assert.equal(res.type, 'application/problem+json');
});

test('a property of the selected branch with the wrong type is refused', async () => {
  const res = await api.request('POST', '/api/adoptions', { species: 'parrot', words: 'hello' });
  assert.equal(res.status, 400, res.text);
});
