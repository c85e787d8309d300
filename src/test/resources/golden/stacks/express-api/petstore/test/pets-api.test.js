'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const handlers = require('../src/handlers/pets-api-handlers');

/** Calls a handler with an empty request and a response that records the status, headers and body it was sent. */
function call(handler) {
  const res = {
    statusCode: 200,
    headers: {},
    status(code) {
      this.statusCode = code;
      return this;
    },
    setHeader(name, value) {
      this.headers[name.toLowerCase()] = value;
    },
    send(body) {
      this.body = JSON.parse(body.toString('utf8'));
      return this;
    },
  };
  handler({ params: {}, query: {}, body: undefined }, res);
  return res;
}

test('Pets: every operation answers a 501 problem until it is implemented', () => {
  assert.deepEqual(Object.keys(handlers), [
    "listPets",
    "createPets",
    "showPetById",
  ]);
  for (const [name, handler] of Object.entries(handlers)) {
    const res = call(handler);
    assert.equal(res.statusCode, 501, name);
    assert.equal(res.headers['content-type'], 'application/problem+json', name);
    assert.equal(res.body.status, 501, name);
  }
});
