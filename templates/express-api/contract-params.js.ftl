<#noparse>
'use strict';

// Parameters of a request (path, query, header) read as the contract says: strings coerced by their schema's type
// (integer, number, boolean, arrays by style and explode), required ones present, defaults applied, then each value
// checked against its schema.

const { violation } = require('../errors');

/**
 * A parameter that breaks its contract: the 400 problem names it ("query parameter limit: must be <= 100").
 */
class ParameterError extends Error {
  /**
   * @param {object} parameter the contract's parameter
   * @param {string} pointer where in its value (a JSON pointer, "" for the value itself)
   * @param {string} rule the broken rule (a JSON Schema keyword, or required)
   * @param {string} detail what is wrong
   */
  constructor(parameter, pointer, rule, detail) {
    super(`${parameter.in} parameter ${parameter.name}${pointer}: ${detail}`);
    this.name = 'ParameterError';
    this.violation = { ...violation(pointer, rule, detail), in: parameter.in, name: parameter.name };
  }
}

/**
 * The types a schema allows, through $ref, allOf, anyOf and oneOf.
 * @param {*} schema a contract schema
 * @param {object} defs the contract's $defs
 * @param {number} [depth] how many refs were followed
 * @returns {{types: Set<string>, items: *}} the type names (empty when any), and the schema of array items
 */
function typesOf(schema, defs, depth = 0) {
  const out = { types: new Set(), items: undefined };
  if (schema === null || typeof schema !== 'object' || depth > 16) {
    return out;
  }
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/$defs/')) {
    const name = decodeURIComponent(schema.$ref.slice('#/$defs/'.length)).replaceAll('~1', '/').replaceAll('~0', '~');
    merge(out, typesOf(defs[name], defs, depth + 1));
  }
  if (typeof schema.type === 'string') {
    out.types.add(schema.type);
  } else if (Array.isArray(schema.type)) {
    schema.type.forEach((t) => out.types.add(t));
  }
  if (schema.items !== undefined && out.items === undefined) {
    out.items = schema.items;
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[key])) {
      schema[key].forEach((part) => merge(out, typesOf(part, defs, depth + 1)));
    }
  }
  if (out.types.size === 0 && schema.enum !== undefined && Array.isArray(schema.enum)) {
    schema.enum.forEach((v) => out.types.add(v === null ? 'null' : typeof v === 'number' ? 'number' : typeof v));
  }
  return out;
}

function merge(into, from) {
  from.types.forEach((t) => into.types.add(t));
  if (into.items === undefined) {
    into.items = from.items;
  }
}

const INTEGER = /^-?(0|[1-9]\d*)$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * One string coerced to a scalar type the schema allows.
 * @param {string} text the raw value
 * @param {Set<string>} types the schema's types (empty: any)
 * @returns {{ok: boolean, value?: *, expected?: string}}
 */
function scalar(text, types) {
  if (types.size === 0 || types.has('string')) {
    return { ok: true, value: text };
  }
  if ((types.has('integer') || types.has('number')) && (types.has('number') ? NUMBER : INTEGER).test(text)) {
    return { ok: true, value: Number(text) };
  }
  if (types.has('boolean') && (text === 'true' || text === 'false')) {
    return { ok: true, value: text === 'true' };
  }
  if (types.has('null') && (text === '' || text === 'null')) {
    return { ok: true, value: null };
  }
  if (types.has('object') || types.has('array')) {
    return { ok: true, value: text };
  }
  const expected = types.has('integer') ? 'an integer' : types.has('number') ? 'a number'
    : types.has('boolean') ? 'a boolean (true or false)' : [...types].join(' or ');
  return { ok: false, expected };
}

/**
 * Reads, coerces, defaults and validates one operation's parameters.
 * @param {object[]} parameters the contract operation's parameters, each with a compiled `check` (see router.js)
 * @param {object} defs the contract's $defs
 * @param {object} request what the request carries
 * @param {Object<string, string>} request.path decoded path parameters by name
 * @param {URLSearchParams} request.query the query
 * @param {Object<string, string|string[]>} request.headers Node's request headers (lower-case names)
 * @returns {{path: object, query: object, header: object}} the values by location and name
 * @throws {ParameterError} the first parameter that breaks its contract
 */
function readParameters(parameters, defs, request) {
  const out = { path: {}, query: {}, header: {} };
  for (const p of parameters) {
    const { types, items } = typesOf(p.schema, defs);
    const raw = rawValues(p, request, types);
    let value;
    if (raw === undefined) {
      if (p.schema && Object.hasOwn(p.schema, 'default')) {
        value = p.schema.default;
      } else if (p.required) {
        throw new ParameterError(p, '', 'required', 'is required');
      } else {
        continue;
      }
    } else if (types.has('array')) {
      const itemTypes = typesOf(items, defs).types;
      value = raw.map((text, i) => {
        const r = scalar(text, itemTypes);
        if (!r.ok) {
          throw new ParameterError(p, `/${i}`, 'type', `${JSON.stringify(text)} is not ${r.expected}`);
        }
        return r.value;
      });
    } else if (types.has('object') && typeof raw === 'object' && !Array.isArray(raw)) {
      value = raw;
    } else {
      const text = Array.isArray(raw) ? raw[0] : raw;
      const r = scalar(text, types);
      if (!r.ok) {
        throw new ParameterError(p, '', 'type', `${JSON.stringify(text)} is not ${r.expected}`);
      }
      value = r.value;
    }
    if (p.check) {
      const broken = p.check(value);
      if (broken.length > 0) {
        throw new ParameterError(p, broken[0].pointer, broken[0].rule, broken[0].detail);
      }
    }
    out[p.in][p.name] = value;
  }
  return out;
}

/**
 * @returns {undefined|string|string[]|object} the parameter's raw value: undefined when absent; for an array
 *   schema the list of item texts; for a deepObject the object of its keys
 */
function rawValues(p, request, types) {
  const isArray = types.has('array');
  if (p.in === 'path') {
    const text = request.path[p.name];
    if (text === undefined) {
      return undefined;
    }
    return isArray ? split(text, ',') : text;
  }
  if (p.in === 'header') {
    const header = request.headers[p.name.toLowerCase()];
    if (header === undefined) {
      return undefined;
    }
    const text = Array.isArray(header) ? header.join(',') : header;
    return isArray ? split(text, ',') : text;
  }
  if (p.in === 'query') {
    if (p.style === 'deepObject') {
      const prefix = `${p.name}[`;
      const object = {};
      let found = false;
      for (const [key, value] of request.query) {
        if (key.startsWith(prefix) && key.endsWith(']')) {
          object[key.slice(prefix.length, -1)] = value;
          found = true;
        }
      }
      return found ? object : undefined;
    }
    const values = request.query.getAll(p.name);
    if (values.length === 0) {
      return undefined;
    }
    if (!isArray) {
      return values.length === 1 ? values[0] : values;
    }
    const separator = { spaceDelimited: ' ', pipeDelimited: '|' }[p.style] || ',';
    if (p.explode && p.style === 'form') {
      return values;
    }
    return values.flatMap((v) => split(v, separator));
  }
  return undefined;
}

function split(text, separator) {
  return text === '' ? [] : text.split(separator);
}

module.exports = { readParameters, ParameterError, typesOf };
</#noparse>
