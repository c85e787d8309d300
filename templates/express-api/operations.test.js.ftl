'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const handlers = require('../src/handlers/${group.kebab}-api-handlers');

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

test('${group.name}: every operation answers 501 until it is implemented', () => {
<#list group.operations as op>
  assert.equal(call(handlers.${op.id}).statusCode, 501, ${jsString(op.id)});
</#list>
});
