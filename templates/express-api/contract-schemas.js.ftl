<#noparse>
'use strict';

// The JSON Schemas of src/contract.json (JSON Schema 2020-12) compiled by Ajv: every schema refers to the contract's
// $defs as #/$defs/<name>, which here become refs into one schema registered under CONTRACT_ID. Formats are
// annotations only (int64, email, ... never fail a value), as the contract says.

const Ajv2020 = require('ajv/dist/2020');
const { isLosslessNumber } = require('lossless-json');
const { violation } = require('../errors');

const CONTRACT_ID = 'urn:specforge:contract';

/**
 * Compiles schemas against the contract's $defs.
 */
class Schemas {
  /**
   * @param {object} defs the contract's $defs (plain JSON)
   */
  constructor(defs) {
    this.ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      validateFormats: false,
      // documents hold schemas their meta-schema refuses (a required name listed twice): use them as they are
      validateSchema: false,
      logger: false,
      code: { regExp: lenientRegExp },
    });
    this.ajv.addSchema({ $id: CONTRACT_ID, $defs: defs || {} });
  }

  /**
   * Compiles a schema of the contract (its #/$defs/ refs point into the contract's $defs).
   * @param {object|boolean} schema a JSON Schema 2020-12
   * @returns {(value: *) => {pointer: string, rule: string, detail: string}[]} a function answering the broken rules
   *   of a value (numbers may be LosslessNumber), empty when it is valid
   */
  compile(schema) {
    const check = this.ajv.compile(rebase(schema));
    return (value) => {
      if (check(plain(value))) {
        return [];
      }
      return violations(check.errors || []);
    };
  }
}

/**
 * Compiles a schema's pattern with the u flag (which \p{L} needs), or without it when the pattern is only valid
 * without (an escape such as \_ or \-, which many documents have).
 * @param {string} pattern the regular expression
 * @param {string} flags the flags Ajv asks for
 * @returns {RegExp}
 */
function lenientRegExp(pattern, flags) {
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    return new RegExp(pattern, flags.replace('u', ''));
  }
}
lenientRegExp.code = 'new RegExp';

/** @returns {*} the schema with every "#/$defs/..." ref pointing into the contract's registered $defs */
function rebase(schema) {
  if (Array.isArray(schema)) {
    return schema.map(rebase);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && value.startsWith('#')) {
      out[key] = CONTRACT_ID + value;
    } else if (['enum', 'const', 'default', 'examples'].includes(key)) {
      out[key] = value;
    } else {
      out[key] = rebase(value);
    }
  }
  return out;
}

/**
 * A value with every LosslessNumber as a JavaScript number, for validation.
 * @param {*} value a value parsed by src/json.js
 * @returns {*} the same value with plain numbers
 */
function plain(value) {
  if (isLosslessNumber(value)) {
    return Number(value.value);
  }
  if (Array.isArray(value)) {
    return value.map(plain);
  }
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = plain(item);
    }
    return out;
  }
  return value;
}

/** @returns {import('../errors').Violation[]} Ajv's errors as violations, one per pointer and rule */
function violations(errors) {
  const seen = new Set();
  const out = [];
  for (const e of errors) {
    let pointer = e.instancePath;
    if (e.keyword === 'required' && e.params && e.params.missingProperty !== undefined) {
      pointer = `${pointer}/${String(e.params.missingProperty).replaceAll('~', '~0').replaceAll('/', '~1')}`;
    }
    const key = `${pointer}\u0000${e.keyword}`;
    if (!seen.has(key)) {
      seen.add(key);
      const detail = e.keyword === 'required' ? 'is required' : e.message || e.keyword;
      out.push(violation(pointer, e.keyword, detail));
    }
  }
  return out;
}

module.exports = { Schemas, plain };
</#noparse>
