'use strict';

const { validate } = require('./validate');

/**
 * A pet record with 3 fields: id, name, tag.
 */
const fields = Object.freeze([
  /**
   * Example: 1
   */
  {
    name: "id",
    type: "long",
    format: "int64",
    many: false,
    rules: [{ kind: "required" }],
  },
  /**
   * Example: Jane Doe
   */
  {
    name: "name",
    type: "string",
    format: "",
    many: false,
    rules: [{ kind: "required" }, { kind: "notBlank" }, { kind: "maxLength", value: 255 }],
  },
  /**
   * Example: tag-1
   */
  {
    name: "tag",
    type: "string",
    format: "",
    many: false,
    rules: [{ kind: "maxLength", value: 255 }],
  },
]);

/**
 * Checks a request body against the Pet rules.
 * @param {*} input a value parsed from JSON
 * @returns {{field: string, problem: string}[]} every problem; empty when the value is a valid Pet
 */
function validatePet(input) {
  return validate(fields, input);
}

module.exports = { name: "Pet", kind: 'object', fields, validate: validatePet };
