'use strict';

const { validateObject, normalize } = require('./validate');

/**
 * A holder record with 4 fields: id, string, strings, new.
 *
 * Each field: its JSON name, type (and format, list, nullable, target type), and the rules the service
 * enforces: the spec's constraints (and the field-validators suggestions only if the spec enforces them), with
 * the bounds as exact number text.
 */
const fields = Object.freeze([
  /**
   * Example: 3fa85f64-5717-4562-b3fc-2c963f66afa6
   * The identifier: the service assigns it when a POST has none, so it is not required.
   */
  {
    name: "id",
    type: "uuid",
    format: "uuid",
    many: false,
    nullable: false,
    rules: [],
  },
  {
    name: "string",
    type: "ref",
    format: "",
    many: false,
    nullable: false,
    target: "String",
    rules: [],
  },
  {
    name: "strings",
    type: "ref",
    format: "",
    many: true,
    nullable: false,
    target: "String",
    rules: [],
  },
  /**
   * Example: true
   */
  {
    name: "new",
    type: "boolean",
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
]);

const model = { name: "Holder", kind: 'object', fields };

/**
 * Checks a request body against the Holder rules.
 * @param {*} input a value parsed from JSON
 * @returns {import('../errors').Violation[]} every violation; empty when the value is a valid Holder
 */
function validateHolder(input) {
  return validateObject(model, input);
}

/**
 * @param {object} input a valid Holder (see validateHolder)
 * @returns {object} the record to store: the fields in order, integers in plain digits, no null optional field
 */
function normalizeHolder(input) {
  return normalize(model, input);
}

module.exports = { ...model, validate: validateHolder, normalize: normalizeHolder };
