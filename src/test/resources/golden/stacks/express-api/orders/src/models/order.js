'use strict';

const { validate } = require('./validate');

/**
 * An order placed by a customer
 */
const fields = Object.freeze([
  /**
   * Example: 1
   */
  {
    name: "id",
    type: "long",
    format: "",
    many: false,
    rules: [{ kind: "required" }],
  },
  {
    name: "customer",
    type: "ref",
    format: "",
    many: false,
    target: "Customer",
    rules: [],
  },
  /**
   * Example: 19.99
   */
  {
    name: "total",
    type: "decimal",
    format: "",
    many: false,
    rules: [{ kind: "minimum", value: 0 }, { kind: "maximum", value: 100000.50 }],
  },
  /**
   * Example: 1
   */
  {
    name: "quantity",
    type: "integer",
    format: "",
    many: false,
    rules: [{ kind: "minimum", value: 1 }, { kind: "maximum", value: 999 }],
  },
  /**
   * Example: 2024-01-15
   */
  {
    name: "placedOn",
    type: "date",
    format: "",
    many: false,
    rules: [{ kind: "pastOrPresent" }],
  },
  /**
   * Example: true
   */
  {
    name: "paid",
    type: "boolean",
    format: "",
    many: false,
    rules: [],
  },
  /**
   * Example: tags-1
   */
  {
    name: "tags",
    type: "string",
    format: "",
    many: true,
    rules: [],
  },
]);

/**
 * Checks a request body against the Order rules.
 * @param {*} input a value parsed from JSON
 * @returns {{field: string, problem: string}[]} every problem; empty when the value is a valid Order
 */
function validateOrder(input) {
  return validate(fields, input);
}

module.exports = { name: "Order", kind: 'object', fields, validate: validateOrder };
