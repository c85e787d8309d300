'use strict';

const { validateObject, normalize } = require('./validate');

/**
 * A type named like a built-in type in Java and JavaScript.
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
  /**
   * Example: class-1
   * Suggested (not enforced): notBlank.
   */
  {
    name: "class",
    type: "string",
    format: "",
    many: false,
    nullable: false,
    rules: [{ kind: "required" }, { kind: "maxLength", value: 20 }],
  },
  /**
   * Example: plain
   */
  {
    name: "type",
    type: "enum",
    format: "",
    many: false,
    nullable: false,
    target: "StringType",
    rules: [{ kind: "required" }],
  },
  /**
   * Example: 1
   * Default: 3 (documented only).
   */
  {
    name: "default",
    type: "integer",
    format: "",
    many: false,
    nullable: false,
    rules: [{ kind: "minimum", value: "0" }],
  },
  /**
   * Example: function-1
   * Suggested (not enforced): maxLength 255.
   */
  {
    name: "function",
    type: "string",
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
  /**
   * Example: 1
   */
  {
    name: "hashCode",
    type: "integer",
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
]);

const model = { name: "String", kind: 'object', fields };

/**
 * Checks a request body against the String rules.
 * @param {*} input a value parsed from JSON
 * @returns {import('../errors').Violation[]} every violation; empty when the value is a valid String
 */
function validateString(input) {
  return validateObject(model, input);
}

/**
 * @param {object} input a valid String (see validateString)
 * @returns {object} the record to store: the fields in order, integers in plain digits, no null optional field
 */
function normalizeString(input) {
  return normalize(model, input);
}

module.exports = { ...model, validate: validateString, normalize: normalizeString };
