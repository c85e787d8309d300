'use strict';

const { validateObject, normalize } = require('./validate');

/**
 * An order placed by a customer
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
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
  {
    name: "customer",
    type: "ref",
    format: "",
    many: false,
    nullable: false,
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
    nullable: false,
    rules: [{ kind: "minimum", value: "0" }, { kind: "maximum", value: "100000.50" }],
  },
  /**
   * Example: 1
   */
  {
    name: "quantity",
    type: "integer",
    format: "",
    many: false,
    nullable: false,
    rules: [{ kind: "minimum", value: "1" }, { kind: "maximum", value: "999" }],
  },
  /**
   * Example: 2024-01-15
   * Suggested (not enforced): pastOrPresent.
   */
  {
    name: "placedOn",
    type: "date",
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
  /**
   * Example: true
   */
  {
    name: "paid",
    type: "boolean",
    format: "",
    many: false,
    nullable: false,
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
    nullable: false,
    rules: [],
  },
]);

const model = { name: "Order", kind: 'object', fields };

/**
 * Checks a request body against the Order rules.
 * @param {*} input a value parsed from JSON
 * @returns {import('../errors').Violation[]} every violation; empty when the value is a valid Order
 */
function validateOrder(input) {
  return validateObject(model, input);
}

/**
 * @param {object} input a valid Order (see validateOrder)
 * @returns {object} the record to store: the fields in order, integers in plain digits, no null optional field
 */
function normalizeOrder(input) {
  return normalize(model, input);
}

module.exports = { ...model, validate: validateOrder, normalize: normalizeOrder };
