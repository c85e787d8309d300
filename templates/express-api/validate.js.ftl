<#noparse>
'use strict';

// Request validation from the rules each model declares (its spec's constraints plus the field-validators
// enrichment). A model lists its fields as data: { name, type, format, many, target, valueType, rules }, where each
// rule is { kind, value } (see the kinds in checkRule).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const patterns = new Map();

/**
 * Checks a value against a model's fields.
 * @param {object[]} fields the model's field table
 * @param {*} input the value, parsed from JSON
 * @param {string} [path] where the value sits, for nested objects ("orders[0]")
 * @returns {{field: string, problem: string}[]} every problem found; empty when the value is valid
 */
function validate(fields, input, path = '') {
  if (!isObject(input)) {
    return [{ field: path || '(body)', problem: 'must be a JSON object' }];
  }
  const problems = [];
  for (const field of fields) {
    const at = path ? `${path}.${field.name}` : field.name;
    const value = input[field.name];
    if (value === undefined || value === null) {
      if (field.rules.some((rule) => rule.kind === 'required')) {
        problems.push({ field: at, problem: 'is required' });
      }
      continue;
    }
    let typed = true;
    if (field.many) {
      if (!Array.isArray(value)) {
        problems.push({ field: at, problem: 'must be a list' });
        continue;
      }
      value.forEach((item, i) => {
        typed = checkType(field, item, `${at}[${i}]`, problems) && typed;
      });
    } else {
      typed = checkType(field, value, at, problems);
    }
    if (typed) {
      for (const rule of field.rules) {
        checkRule(rule, value, at, problems);
      }
    }
  }
  return problems;
}

/** @returns {boolean} whether the value has the field's type (problems are added when it has not) */
function checkType(field, value, at, problems) {
  const problem = typeProblem(field, value, at, problems);
  if (problem) {
    problems.push({ field: at, problem });
    return false;
  }
  return true;
}

function typeProblem(field, value, at, problems) {
  switch (field.type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'integer':
    case 'long':
      return Number.isInteger(value) ? null : 'must be an integer';
    case 'decimal':
    case 'double':
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && isCalendarDate(value) ? null
        : 'must be a date (YYYY-MM-DD)';
    case 'datetime':
      return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? null
        : 'must be a date-time (RFC 3339)';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? null : 'must be a UUID';
    case 'uri':
      return typeof value === 'string' && isUri(value) ? null : 'must be an absolute URI';
    case 'bytes':
      return typeof value === 'string' && BASE64.test(value) ? null : 'must be base64 text';
    case 'enum': {
      const values = model(field.target).values;
      return values.includes(value) ? null : `must be one of ${values.join(', ')}`;
    }
    case 'ref': {
      const target = model(field.target);
      if (target.kind === 'object') {
        problems.push(...validate(target.fields, value, at));
        return null;
      }
      return isObject(value) ? null : 'must be a JSON object';
    }
    case 'map': {
      if (!isObject(value)) {
        return 'must be a JSON object';
      }
      const valueField = { ...field.valueType, many: false, rules: [] };
      for (const [key, item] of Object.entries(value)) {
        if (item !== null && field.valueType.many) {
          if (!Array.isArray(item)) {
            problems.push({ field: `${at}.${key}`, problem: 'must be a list' });
          } else {
            item.forEach((element, i) => checkType(valueField, element, `${at}.${key}[${i}]`, problems));
          }
        } else if (item !== null) {
          checkType(valueField, item, `${at}.${key}`, problems);
        }
      }
      return null;
    }
    default:
      return null;
  }
}

/** Adds a problem when the value breaks the rule (its type is right). */
function checkRule(rule, value, at, problems) {
  const fail = (problem) => problems.push({ field: at, problem });
  switch (rule.kind) {
    case 'minItems':
      if (value.length < rule.value) fail(`must have at least ${rule.value} items`);
      break;
    case 'maxItems':
      if (value.length > rule.value) fail(`must have at most ${rule.value} items`);
      break;
    case 'notBlank':
      if (value.trim() === '') fail('must not be blank');
      break;
    case 'minLength':
      if ([...value].length < rule.value) fail(`must be at least ${rule.value} characters long`);
      break;
    case 'maxLength':
      if ([...value].length > rule.value) fail(`must be at most ${rule.value} characters long`);
      break;
    case 'pattern': {
      const re = pattern(rule.value);
      if (re && !re.test(value)) fail(`must match the pattern ${rule.value}`);
      break;
    }
    case 'email':
      if (!EMAIL.test(value)) fail('must be an email address');
      break;
    case 'minimum':
      if (value < rule.value) fail(`must be at least ${rule.value}`);
      break;
    case 'exclusiveMinimum':
      if (value <= rule.value) fail(`must be more than ${rule.value}`);
      break;
    case 'maximum':
      if (value > rule.value) fail(`must be at most ${rule.value}`);
      break;
    case 'exclusiveMaximum':
      if (value >= rule.value) fail(`must be less than ${rule.value}`);
      break;
    case 'positive':
      if (value <= 0) fail('must be positive');
      break;
    case 'positiveOrZero':
      if (value < 0) fail('must not be negative');
      break;
    case 'past':
    case 'pastOrPresent':
      if (Date.parse(value) > Date.now()) fail('must be in the past');
      break;
    case 'future':
      if (Date.parse(value) <= Date.now()) fail('must be in the future');
      break;
    default:
      break;
  }
}

/** The spec's pattern as a RegExp; a pattern JavaScript cannot compile is warned about once and not enforced. */
function pattern(source) {
  if (!patterns.has(source)) {
    let re = null;
    try {
      re = new RegExp(source, 'u');
    } catch (e) {
      console.warn(`pattern ${JSON.stringify(source)} is not enforced: ${e.message}`);
    }
    patterns.set(source, re);
  }
  return patterns.get(source);
}

function model(name) {
  // loaded on use: models refer to each other, and a cycle must not see a half-loaded module
  return require('./index')[name];
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCalendarDate(text) {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

function isUri(text) {
  try {
    return new URL(text).protocol.length > 1;
  } catch (e) {
    return false;
  }
}

module.exports = { validate };
</#noparse>
