<#noparse>
'use strict';

// Request validation from the rules each model declares: its spec's constraints (plus the field-validators
// suggestions only if the spec enforces them). A model lists its fields as data, { name, type, format, many,
// nullable, target, valueType, rules }, each rule being { kind, value } (the kinds are in RULES below). Every violation is reported, each with a JSON pointer
// into the body and the name of the rule it breaks (docs: the API document at /openapi.json states the same rules).

const { numberText, jsonNumber, isJsonObject } = require('../json');
const { compare, integerText } = require('./numbers');
const formats = require('./formats');
const { violation, childPointer } = require('../errors');

/** The string formats checked on string fields that declare them (format: email, uri, uuid, date, date-time). */
const STRING_FORMATS = Object.freeze({
  email: formats.isEmail,
  uri: formats.isUri,
  uuid: formats.isUuid,
  date: formats.isDate,
  'date-time': formats.isDateTime,
});

/**
 * Checks a value against an object model: a JSON object with only the model's properties, each of its field's type
 * and keeping its field's rules.
 * @param {{name: string, fields: object[]}} model an object model (src/models/<type>.js)
 * @param {*} input the value, parsed from JSON
 * @param {string} [pointer] where the value sits in the request body ("" for the body itself)
 * @returns {import('../errors').Violation[]} every violation; empty when the value is valid
 */
function validateObject(model, input, pointer = '') {
  if (!isJsonObject(input)) {
    return [violation(pointer, 'type', `must be a JSON object (a ${model.name})`)];
  }
  const problems = [];
  const known = new Set(model.fields.map((field) => field.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      problems.push(violation(childPointer(pointer, key), 'additionalProperties', `is not a property of ${model.name}`));
    }
  }
  for (const field of model.fields) {
    problems.push(...checkField(field, own(input, field.name), childPointer(pointer, field.name)));
  }
  return problems;
}

/**
 * Checks one property's value against its field: presence, type, then rules.
 * @param {object} field the field, from a model's table
 * @param {*} value the property's value (undefined when absent)
 * @param {string} pointer where it sits in the request body
 * @returns {import('../errors').Violation[]} every violation
 */
function checkField(field, value, pointer) {
  if (value === undefined || (value === null && !field.nullable)) {
    return hasRule(field, 'required') ? [violation(pointer, 'required', 'is required')] : [];
  }
  if (value === null) {
    return [];
  }
  if (!field.many) {
    return checkValue(field, value, pointer);
  }
  if (!Array.isArray(value)) {
    return [violation(pointer, 'type', 'must be a JSON array')];
  }
  const problems = [];
  value.forEach((item, i) => problems.push(...checkValue(field, item, childPointer(pointer, i))));
  for (const rule of field.rules) {
    if (rule.kind === 'minItems' && value.length < rule.value) {
      problems.push(violation(pointer, 'minItems', `must have at least ${rule.value} item(s)`));
    } else if (rule.kind === 'maxItems' && value.length > rule.value) {
      problems.push(violation(pointer, 'maxItems', `must have at most ${rule.value} item(s)`));
    }
  }
  return problems;
}

/** The rules that compare a date or date-time with today: they need a valid one. */
const TEMPORAL = new Set(['past', 'pastOrPresent', 'future']);

/**
 * Checks a single value (a list's item, or a property that is not a list): its type, then its field's rules. A
 * value of the wrong JSON type is not checked further; a string of the wrong format still is, by every rule but
 * the temporal ones (so "not-a-url" breaks both format and pattern, as a JSON Schema validator reports).
 */
function checkValue(field, value, pointer) {
  const problems = [];
  const wrong = typeProblem(field, value, pointer, problems);
  if (wrong) {
    problems.push(violation(pointer, wrong[0], wrong[1]));
  }
  if (field.many || (wrong && wrong[0] === 'type')) {
    return problems;
  }
  for (const rule of field.rules) {
    const known = RULES[rule.kind];
    if (known === undefined || (wrong && TEMPORAL.has(rule.kind))) {
      continue;
    }
    const detail = known.check(value, rule.value, field.type);
    // a field of format email also has the email rule: one format violation is enough
    if (detail && !problems.some((p) => p.pointer === pointer && p.rule === known.name)) {
      problems.push(violation(pointer, known.name, detail));
    }
  }
  return problems;
}

/**
 * @returns {[string, string]|null} the rule and detail when the value does not have the field's type (or format);
 *   an embedded object's own violations are added to problems instead
 */
function typeProblem(field, value, pointer, problems) {
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') {
        return ['type', 'must be a string'];
      }
      return STRING_FORMATS[field.format] && !STRING_FORMATS[field.format](value)
        ? ['format', `must be a valid ${field.format}`] : null;
    case 'integer':
      return integerText(numberText(value) ?? 'x', 32) === null ? ['type', 'must be an integer (32-bit)'] : null;
    case 'long':
      return integerText(numberText(value) ?? 'x', 64) === null ? ['type', 'must be an integer (64-bit)'] : null;
    case 'decimal':
      return numberText(value) === null ? ['type', 'must be a number'] : null;
    case 'double':
    case 'float': {
      const text = numberText(value);
      const limit = field.type === 'float' ? 3.4028234663852886e38 : Number.MAX_VALUE;
      return text === null || !(Math.abs(Number(text)) <= limit) ? ['type', `must be a number (${field.type})`] : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : ['type', 'must be true or false'];
    case 'date':
      return stringFormat(value, formats.isDate, 'date (YYYY-MM-DD)');
    case 'datetime':
      return stringFormat(value, formats.isDateTime, 'date-time (RFC 3339, with an offset)');
    case 'uuid':
      return stringFormat(value, formats.isUuid, 'uuid');
    case 'uri':
      return stringFormat(value, formats.isUri, 'uri (absolute)');
    case 'bytes':
      if (typeof value !== 'string') {
        return ['type', 'must be a string (base64)'];
      }
      return formats.isBase64(value) ? null : ['contentEncoding', 'must be base64 text'];
    case 'enum':
    case 'ref':
      return targetProblem(model(field.target), value, pointer, problems);
    case 'map':
      return mapProblem(field, value, pointer, problems);
    default:
      // object: any JSON value
      return null;
  }
}

function stringFormat(value, check, name) {
  if (typeof value !== 'string') {
    return ['type', `must be a string (a ${name})`];
  }
  return check(value) ? null : ['format', `must be a valid ${name}`];
}

/**
 * Checks a value against a union model: when the union has a discriminator, its value names the object model that
 * checks the value (an absent or unknown one is a violation naming the values allowed); without one, the value must
 * be valid as one of the union's concrete models (the first that accepts it is the one it is).
 * @param {{name: string, discriminator: string, mapping: Map<string, string>, concrete: string[]}} union a union
 *   model (src/models/<type>.js)
 * @param {*} input the value, parsed from JSON
 * @param {string} [pointer] where the value sits in the request body ("" for the body itself)
 * @returns {import('../errors').Violation[]} every violation; empty when the value is valid
 */
function validateUnion(union, input, pointer = '') {
  return resolveUnion(union, input, pointer).problems;
}

/**
 * @returns {{target: object|null, problems: import('../errors').Violation[]}} the object model the value is (null
 *   when there is none) and the violations
 */
function resolveUnion(union, input, pointer) {
  if (!isJsonObject(input)) {
    return { target: null, problems: [violation(pointer, 'type', `must be a JSON object (a ${union.name})`)] };
  }
  if (union.mapping.size > 0) {
    const at = childPointer(pointer, union.discriminator);
    const tag = own(input, union.discriminator);
    if (tag === undefined || tag === null) {
      return { target: null, problems: [violation(at, 'required', 'is required')] };
    }
    const name = typeof tag === 'string' ? union.mapping.get(tag) : undefined;
    if (name === undefined) {
      const allowed = [...union.mapping.keys()].join(', ');
      return { target: null, problems: [violation(at, 'discriminator', `must be one of: ${allowed}`)] };
    }
    const target = model(name);
    return { target, problems: validateObject(target, input, pointer) };
  }
  let closest = null;
  for (const name of union.concrete) {
    const target = model(name);
    const problems = validateObject(target, input, pointer);
    if (problems.length === 0) {
      return { target, problems };
    }
    if (closest === null || problems.length < closest.length) {
      closest = problems;
    }
  }
  const none = violation(pointer, 'oneOf', `must be one of: ${union.concrete.join(', ')}`);
  return { target: null, problems: [none, ...(closest ?? [])] };
}

/**
 * @param {object} union a union model
 * @param {object} input a value validateUnion found valid
 * @returns {object} the record to store, normalized by the object model the value is
 */
function normalizeUnion(union, input) {
  const { target } = resolveUnion(union, input, '');
  return target === null ? input : normalize(target, input);
}

/** A value of another model: one of an enum's values, an embedded object checked by its own rules, or a union. */
function targetProblem(target, value, pointer, problems) {
  if (target.kind === 'enum') {
    if (typeof value !== 'string') {
      return ['type', 'must be a string'];
    }
    return target.values.includes(value) ? null : ['enum', `must be one of ${target.values.join(', ')}`];
  }
  if (target.kind === 'object') {
    if (!isJsonObject(value)) {
      return ['type', `must be a JSON object (a ${target.name})`];
    }
    problems.push(...validateObject(target, value, pointer));
    return null;
  }
  if (target.kind === 'union') {
    if (!isJsonObject(value)) {
      return ['type', `must be a JSON object (a ${target.name})`];
    }
    problems.push(...validateUnion(target, value, pointer));
    return null;
  }
  return isJsonObject(value) ? null : ['type', `must be a JSON object (a ${target.name})`];
}

/** A map: a JSON object whose values each have the map's value type. */
function mapProblem(field, value, pointer, problems) {
  if (!isJsonObject(value)) {
    return ['type', 'must be a JSON object'];
  }
  const valueField = { ...field.valueType, name: field.name, format: '', nullable: false, rules: [] };
  for (const [key, item] of Object.entries(value)) {
    problems.push(...checkField(valueField, item, childPointer(pointer, key)));
  }
  return null;
}

/**
 * The rules a single value can break, by kind: the name it is reported under and its check, which returns a
 * detail when the value breaks the rule (a kind not listed here is not enforced). The value already has its
 * field's JSON type.
 */
const RULES = Object.freeze({
  required: { name: 'required', check: () => null },
  minItems: { name: 'minItems', check: () => null },
  maxItems: { name: 'maxItems', check: () => null },
  notBlank: { name: 'notBlank', check: (v) => (v.trim() === '' ? 'must not be blank' : null) },
  minLength: {
    name: 'minLength',
    check: (v, n) => (length(v) < n ? `must be at least ${n} character(s) long` : null),
  },
  maxLength: {
    name: 'maxLength',
    check: (v, n) => (length(v) > n ? `must be at most ${n} character(s) long` : null),
  },
  pattern: {
    name: 'pattern',
    check: (v, source) => {
      const re = pattern(source);
      return re && !re.test(v) ? `must match the pattern ${source}` : null;
    },
  },
  email: { name: 'format', check: (v) => (formats.isEmail(v) ? null : 'must be a valid email') },
  minimum: { name: 'minimum', check: (v, n) => (compare(numberText(v), n) < 0 ? `must be at least ${n}` : null) },
  exclusiveMinimum: {
    name: 'exclusiveMinimum',
    check: (v, n) => (compare(numberText(v), n) <= 0 ? `must be more than ${n}` : null),
  },
  maximum: { name: 'maximum', check: (v, n) => (compare(numberText(v), n) > 0 ? `must be at most ${n}` : null) },
  exclusiveMaximum: {
    name: 'exclusiveMaximum',
    check: (v, n) => (compare(numberText(v), n) >= 0 ? `must be less than ${n}` : null),
  },
  positive: { name: 'positive', check: (v) => (compare(numberText(v), '0') <= 0 ? 'must be positive' : null) },
  positiveOrZero: {
    name: 'positiveOrZero',
    check: (v) => (compare(numberText(v), '0') < 0 ? 'must be positive or zero' : null),
  },
  past: { name: 'past', check: (v, _, type) => (when(v, type) < 0 ? null : 'must be in the past') },
  pastOrPresent: {
    name: 'pastOrPresent',
    check: (v, _, type) => (when(v, type) <= 0 ? null : 'must be in the past or the present'),
  },
  future: { name: 'future', check: (v, _, type) => (when(v, type) > 0 ? null : 'must be in the future') },
});

/** @returns {number} below, at or above zero as a date (UTC day) or date-time is before, at or after now */
function when(value, type) {
  if (type === 'date') {
    const today = formats.today();
    return value < today ? -1 : (value > today ? 1 : 0);
  }
  return Math.sign(formats.instant(value) - Date.now());
}

/** JSON Schema counts characters as code points: an emoji is one. */
function length(text) {
  let n = 0;
  for (const _ of text) {
    n += 1;
  }
  return n;
}

const patterns = new Map();

/**
 * The spec's pattern as a RegExp, searched as JSON Schema does (anchor it with ^...$ to match the whole value):
 * compiled with the u flag as JSON Schema's ECMA-262 dialect is, else without it. A pattern JavaScript cannot
 * compile at all is warned about once and not enforced.
 */
function pattern(source) {
  if (!patterns.has(source)) {
    let re = null;
    for (const flags of ['u', '']) {
      try {
        re = new RegExp(source, flags);
        break;
      } catch (e) {
        if (flags === '') {
          console.warn(`pattern ${JSON.stringify(source)} is not enforced: ${e.message}`);
        }
      }
    }
    patterns.set(source, re);
  }
  return patterns.get(source);
}

function hasRule(field, kind) {
  return field.rules.some((rule) => rule.kind === kind);
}

/**
 * The record to store from a valid value: the model's properties in its field order, without those that are
 * absent or null (unless the field is nullable), integers in plain digits ("1.0" is stored as 1), embedded objects
 * likewise; every other value as it came (decimals keep their digits).
 * @param {{fields: object[]}} model an object model
 * @param {object} input a value validateObject found valid
 * @returns {object} the record
 */
function normalize(model, input) {
  const record = {};
  for (const field of model.fields) {
    const value = own(input, field.name);
    if (value === undefined || (value === null && !field.nullable)) {
      continue;
    }
    if (value === null) {
      define(record, field.name, null);
    } else {
      define(record, field.name, field.many ? value.map((item) => normalizeValue(field, item))
        : normalizeValue(field, value));
    }
  }
  return record;
}

/** @returns {*} the object's own property (a field named toString or constructor is not found on the prototype) */
function own(object, key) {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own property, even one named __proto__ (which an assignment would take for the prototype). */
function define(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function normalizeValue(field, value) {
  if (field.type === 'integer' || field.type === 'long') {
    return jsonNumber(integerText(numberText(value), field.type === 'integer' ? 32 : 64));
  }
  if (field.type === 'ref') {
    const target = model(field.target);
    if (target.kind === 'union') {
      return normalizeUnion(target, value);
    }
    return target.kind === 'object' ? normalize(target, value) : value;
  }
  return value;
}

function model(name) {
  // loaded on use: models refer to each other, and a cycle must not see a half-loaded module
  const found = require('./index')[name];
  if (!found) {
    throw new Error(`no model named ${name}`);
  }
  return found;
}

module.exports = { validateObject, validateUnion, checkField, normalize, normalizeUnion };
</#noparse>
