'use strict';

const { validateObject, normalize } = require('./validate');

/**
 * A pet record with 3 fields: id, name, tag.
 *
 * Each field: its JSON name, type (and format, list, nullable, target type), and the rules the service
 * enforces: the spec's constraints (and the field-validators suggestions only if the spec enforces them), with
 * the bounds as exact number text.
 */
const fields = Object.freeze([
  /**
   * Example: 1
   * The identifier: the service assigns it when a POST has none, so it is not required.
   */
  {
    name: "id",
    type: "long",
    format: "int64",
    many: false,
    nullable: false,
    rules: [],
  },
  /**
   * Example: Jane Doe
   * Suggested (not enforced): notBlank, maxLength 255.
   */
  {
    name: "name",
    type: "string",
    format: "",
    many: false,
    nullable: false,
    rules: [{ kind: "required" }],
  },
  /**
   * Example: tag-1
   * Suggested (not enforced): maxLength 255.
   */
  {
    name: "tag",
    type: "string",
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
]);

const model = { name: "Pet", kind: 'object', fields };

/**
 * Checks a request body against the Pet rules.
 * @param {*} input a value parsed from JSON
 * @returns {import('../errors').Violation[]} every violation; empty when the value is a valid Pet
 */
function validatePet(input) {
  return validateObject(model, input);
}

/**
 * @param {object} input a valid Pet (see validatePet)
 * @returns {object} the record to store: the fields in order, integers in plain digits, no null optional field
 */
function normalizePet(input) {
  return normalize(model, input);
}

module.exports = { ...model, validate: validatePet, normalize: normalizePet };
