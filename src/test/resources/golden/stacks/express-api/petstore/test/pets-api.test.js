'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const handlers = require('../src/handlers/pets-api-handlers');

function call(handler) {
  const res = {
    statusCode: 200,
    status(code) {
      this.statusCode = code;
      return this;
    },
    json(value) {
      this.body = value;
      return this;
    },
  };
  handler({ params: {}, query: {}, body: undefined }, res);
  return res;
}

test('Pets: every operation answers 501 until it is implemented', () => {
  assert.equal(call(handlers.listPets).statusCode, 501, "listPets");
  assert.equal(call(handlers.createPets).statusCode, 501, "createPets");
  assert.equal(call(handlers.showPetById).statusCode, 501, "showPetById");
});
