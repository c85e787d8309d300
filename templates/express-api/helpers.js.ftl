<#if operationGroups?has_content>
<#noparse>
'use strict';

// Test helpers: the real app on a free port, and requests to it over HTTP.

const { start } = require('../src/server');
const { toJson } = require('../src/json');

/**
 * @typedef {object} Answer
 * @property {number} status the HTTP status
 * @property {Headers} headers the response headers
 * @property {string} type the media type of the Content-Type header, without parameters ("" without one)
 * @property {string} text the body as text
 * @property {*} body the body parsed as JSON when it is JSON (numbers as JavaScript numbers), else undefined
 */

/**
 * Starts the app on a free port (without its request log), for the tests of one file.
 * @returns {Promise<{request: Function, close: () => Promise<void>}>}
 */
async function startApi() {
  const server = await start(0, { log: false });
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    /**
     * Sends a request: a string body as it is (malformed JSON on purpose), any other body as JSON.
     * @param {string} method the HTTP method
     * @param {string} path the path and query, e.g. /api/v3/pet/10?x=1
     * @param {*} [body] the request body (undefined: none)
     * @param {object} [options]
     * @param {Object<string, string>} [options.headers] more request headers
     * @param {string|null} [options.contentType] the Content-Type (default application/json with a body)
     * @returns {Promise<Answer>}
     */
    async request(method, path, body, { headers = {}, contentType } = {}) {
      const init = { method, headers: { ...headers } };
      if (body !== undefined && body !== null) {
        init.body = typeof body === 'string' ? body : toJson(body);
        init.headers['content-type'] = contentType || 'application/json';
      }
      const res = await fetch(base + path, init);
      const text = await res.text();
      const type = (res.headers.get('content-type') || '').split(';')[0].trim();
      const json = /^application\/(.+\+)?json$/.test(type) && text !== '';
      return { status: res.status, headers: res.headers, type, text, body: json ? JSON.parse(text) : undefined };
    },
    /** Stops the app, closing the connections fetch keeps alive. */
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

module.exports = { startApi };
</#noparse>
<#else>

<#noparse>
'use strict';

// Test helpers: the real app on a free port, requests to it over HTTP, and valid values of each type for fixtures.

const { randomUUID } = require('node:crypto');
const { start } = require('../src/server');
const models = require('../src/models');
const { checkField } = require('../src/models/validate');
const { toJson } = require('../src/json');

/**
 * @typedef {object} Answer
 * @property {number} status the HTTP status
 * @property {Headers} headers the response headers
 * @property {string} type the Content-Type header ("" without one)
 * @property {string} text the body as text
 * @property {*} body the body parsed as JSON when it is JSON (numbers as JavaScript numbers), else undefined
 */

/**
 * Starts the app on a free port (without its request log), for the tests of one file.
 * @returns {Promise<{request: (method: string, path: string, body?: *) => Promise<Answer>, close: () => Promise<void>}>}
 */
async function startApi() {
  const server = await start(0, { log: false });
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    /**
     * Sends a request: a string body as it is (malformed JSON on purpose), any other body as JSON.
     * @param {string} method the HTTP method
     * @param {string} path the path, e.g. /api/orders/1
     * @param {*} [body] the request body
     * @returns {Promise<Answer>}
     */
    async request(method, path, body) {
      const init = { method, headers: {} };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : toJson(body);
        init.headers['content-type'] = 'application/json';
      }
      const res = await fetch(base + path, init);
      const text = await res.text();
      const type = res.headers.get('content-type') || '';
      const json = /^application\/(.+\+)?json/.test(type) && text !== '';
      return { status: res.status, headers: res.headers, type, text, body: json ? JSON.parse(text) : undefined };
    },
    /** Stops the app, closing the connections fetch keeps alive. */
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A valid value of an object type, for a fixture: the sample's properties that keep their rules (embedded objects
 * are mended the same way); a required property without a valid value gets one made from its rules. The samples
 * come from the sample-data enrichment and may break a rule the spec states (a pattern, a format); when a value
 * cannot be made, this throws, asking for a valid sample.
 * @param {string} typeName the model's name, e.g. "Order"
 * @param {object} [sample] an example value, possibly invalid
 * @param {object} [options]
 * @param {boolean} [options.withId] keep a valid id of the sample (by default an optional id is left out, so that
 *   the service assigns one)
 * @param {number} [options.depth] how deep in embedded objects this value is
 * @returns {object} a value that passes the type's validation
 */
function validInstance(typeName, sample, { withId = false, depth = 0 } = {}) {
  const model = models[typeName];
  if (depth > 8) {
    throw new Error(`cannot make a ${typeName}: its required references go round in a circle`);
  }
  const given = isObject(sample) ? sample : {};
  const value = {};
  for (const field of model.fields) {
    if (field.name === 'id' && !withId && !isRequired(field)) {
      continue;
    }
    const sampled = Object.hasOwn(given, field.name) ? given[field.name] : null;
    let property = sampled === undefined || sampled === null ? undefined : mend(field, sampled, depth);
    if (property === undefined && isRequired(field)) {
      property = make(field, depth);
    }
    if (property !== undefined) {
      value[field.name] = property;
    }
  }
  return value;
}

/** @returns {*} the sample's value when it keeps the field's rules (lists and embedded objects mended), or undefined */
function mend(field, value, depth) {
  if (!field.many) {
    return mendOne(field, value, depth);
  }
  if (!Array.isArray(value)) {
    return undefined;
  }
  const items = value.map((item) => mendOne(field, item, depth)).filter((item) => item !== undefined);
  return checkField(field, items, '').length === 0 ? items : undefined;
}

function mendOne(field, value, depth) {
  if (isObjectRef(field)) {
    return isObject(value) ? validInstance(field.target, value, { withId: true, depth: depth + 1 }) : undefined;
  }
  return checkField({ ...field, many: false }, value, '').length === 0 ? value : undefined;
}

/** @returns {*} a value made from the field's type and rules (a list of as many items as it needs, at least one) */
function make(field, depth) {
  if (!field.many) {
    return makeOne(field, depth);
  }
  const count = Math.min(Math.max(ruleValue(field, 'minItems') ?? 1, 1), ruleValue(field, 'maxItems') ?? Infinity);
  return Array.from({ length: count }, () => makeOne(field, depth));
}

function makeOne(field, depth) {
  if (isObjectRef(field)) {
    return validInstance(field.target, {}, { withId: true, depth: depth + 1 });
  }
  if (isUnionRef(field)) {
    return unionInstance(models[field.target], depth);
  }
  const single = { ...field, many: false };
  for (const candidate of candidates(field)) {
    if (checkField(single, candidate, '').length === 0) {
      return candidate;
    }
  }
  throw new Error(`cannot make a valid value for ${field.name}: give the test a sample that keeps its rules`);
}

/** @returns {Array<*>} values to try for a field, most likely first */
function candidates(field) {
  switch (field.type) {
    case 'string':
      return stringCandidates(field);
    case 'integer':
    case 'long':
    case 'decimal':
    case 'double':
    case 'float':
      return numberCandidates(field);
    case 'boolean':
      return [true, false];
    case 'date':
      return ['2020-01-15', new Date().toISOString().slice(0, 10), '2999-01-15'];
    case 'datetime':
      return ['2020-01-15T09:30:00Z', new Date().toISOString(), '2999-01-15T09:30:00Z'];
    case 'uuid':
      return [randomUUID()];
    case 'uri':
      return ['https://example.com/'];
    case 'bytes':
      return ['aGVsbG8='];
    case 'enum':
      return [...models[field.target].values];
    default:
      // a map, any JSON, a union without object types
      return [{}];
  }
}

const FORMAT_EXAMPLES = Object.freeze({
  email: 'user@example.com',
  uri: 'https://example.com/',
  date: '2020-01-15',
  'date-time': '2020-01-15T09:30:00Z',
});

function stringCandidates(field) {
  const source = ruleValue(field, 'pattern');
  const seeds = source === undefined ? [] : [1, 2, 3, 4, 6, 8, 12, 16, 32, 64].map((n) => fromPattern(source, n));
  const email = field.rules.some((rule) => rule.kind === 'email');
  seeds.push(field.format === 'uuid' ? randomUUID() : FORMAT_EXAMPLES[email ? 'email' : field.format] ?? 'text');
  const min = ruleValue(field, 'minLength') ?? 0;
  const max = ruleValue(field, 'maxLength') ?? Infinity;
  return seeds.filter((seed) => seed !== null).flatMap((seed) => [seed, seed.padEnd(min, 'x').slice(0, max)]);
}

function numberCandidates(field) {
  const values = [1, 0, 10, 100];
  for (const rule of field.rules) {
    if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(rule.kind)) {
      const bound = Number(rule.value);
      values.push(bound, bound + 1, bound - 1, bound / 2, Math.ceil(bound), Math.floor(bound));
    }
  }
  return values.filter(Number.isFinite);
}

/**
 * A string the regular expression matches, for the patterns specs use: literals, escapes, classes, groups,
 * alternatives (the first is taken) and quantifiers (an open one repeats `repeat` times).
 * @param {string} source the pattern
 * @param {number} repeat how many times *, + and {n,} repeat (at least their minimum)
 * @returns {string|null} the string, or null for a pattern this cannot read (back-references)
 */
function fromPattern(source, repeat) {
  let i = 0;
  const alternatives = () => {
    const first = sequence();
    while (source[i] === '|') {
      i += 1;
      sequence();
    }
    return first;
  };
  const sequence = () => {
    let out = '';
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const text = atom();
      const [min, max] = quantifier();
      out += text.repeat(Math.min(Math.max(repeat, min), max));
    }
    return out;
  };
  const atom = () => {
    const c = source[i++];
    if (c === '^' || c === '$') {
      return '';
    }
    if (c === '.') {
      return 'a';
    }
    if (c === '[') {
      return charClass();
    }
    if (c === '\\') {
      return escape(false);
    }
    if (c !== '(') {
      return c;
    }
    const look = /^\?(?:=|!|<=|<!)/.exec(source.slice(i));
    const named = /^\?<[^>]*>|^\?:/.exec(source.slice(i));
    i += look ? look[0].length : named ? named[0].length : 0;
    const inner = alternatives();
    if (source[i++] !== ')') {
      throw new SyntaxError('unclosed group');
    }
    return look ? '' : inner;
  };
  const quantifier = () => {
    const m = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(i));
    if (!m) {
      return [1, 1];
    }
    i += m[0].length;
    if (m[1]) {
      return { '*': [0, Infinity], '+': [1, Infinity], '?': [0, 1] }[m[1]];
    }
    const min = Number(m[2]);
    return [min, m[3] ? (m[4] ? Number(m[4]) : Infinity) : min];
  };
  const escape = (inClass) => {
    const c = source[i++];
    const classes = { d: '0', D: 'a', w: 'a', W: '-', s: ' ', S: 'a', n: '\n', t: '\t', r: '\r' };
    if (c in classes) {
      return classes[c];
    }
    if ((c === 'b' || c === 'B') && !inClass) {
      return '';
    }
    if (c === 'u' || c === 'x') {
      const m = /^\{([0-9a-fA-F]+)\}|^[0-9a-fA-F]{4}|^[0-9a-fA-F]{2}/.exec(source.slice(i));
      i += m[0].length;
      return String.fromCodePoint(parseInt(m[1] ?? m[0], 16));
    }
    if (c === 'p' || c === 'P') {
      i = source.indexOf('}', i) + 1;
      return 'a';
    }
    if (/[1-9k]/.test(c)) {
      throw new SyntaxError('back-references are not supported');
    }
    return c;
  };
  const charClass = () => {
    const negated = source[i] === '^';
    i += negated ? 1 : 0;
    const ranges = [];
    while (i < source.length && source[i] !== ']') {
      const lo = source[i] === '\\' ? (i++, escape(true)) : source[i++];
      let hi = lo;
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
        i += 1;
        hi = source[i] === '\\' ? (i++, escape(true)) : source[i++];
      }
      ranges.push([lo.codePointAt(0), hi.codePointAt(0)]);
    }
    i += 1;
    if (!negated) {
      return ranges.length > 0 ? String.fromCodePoint(ranges[0][0]) : '';
    }
    const outside = [...'aA0x-_ '].find((ch) => ranges.every(([lo, hi]) => ch.codePointAt(0) < lo || ch.codePointAt(0) > hi));
    return outside ?? '';
  };
  try {
    return alternatives();
  } catch (e) {
    return null;
  }
}

function isRequired(field) {
  return field.rules.some((rule) => rule.kind === 'required');
}

function ruleValue(field, kind) {
  const rule = field.rules.find((r) => r.kind === kind);
  return rule === undefined ? undefined : rule.value;
}

function isObjectRef(field) {
  return field.type === 'ref' && models[field.target].kind === 'object';
}

function isUnionRef(field) {
  return field.type === 'ref' && models[field.target].kind === 'union' && models[field.target].concrete.length > 0;
}

/** @returns {object} a valid value of a union: of its first type, with that type's discriminator value if any */
function unionInstance(union, depth) {
  const [tag, typeName] = union.mapping.size > 0 ? [...union.mapping][0] : [undefined, union.concrete[0]];
  const sample = {};
  if (tag !== undefined) {
    Object.defineProperty(sample, union.discriminator, { value: tag, enumerable: true });
  }
  return validInstance(typeName, sample, { withId: true, depth: depth + 1 });
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

module.exports = { startApi, validInstance, fromPattern };
</#noparse>
</#if>
