'use strict';

const { validateObject, normalize } = require('./validate');

/**
 * A buyer. Template text such as ${user.home} or <#assign x = 1> is data, not code. *&#47; ends no comment.
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
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
  /**
   * Example: jane.doe@example.com
   * Suggested (not enforced): notBlank.
   */
  {
    name: "email",
    type: "string",
    format: "email",
    many: false,
    nullable: false,
    rules: [{ kind: "required" }, { kind: "maxLength", value: 120 }, { kind: "email" }],
  },
  /**
   * Display name
   * Example: Jane Doe
   */
  {
    name: "name",
    type: "string",
    format: "",
    many: false,
    nullable: false,
    rules: [{ kind: "minLength", value: 1 }, { kind: "maxLength", value: 80 }, { kind: "pattern", value: "^[^\\\\\"]+$" }],
  },
  /**
   * Example: ACTIVE
   */
  {
    name: "status",
    type: "enum",
    format: "",
    many: false,
    nullable: false,
    target: "CustomerStatus",
    rules: [],
  },
  {
    name: "orders",
    type: "ref",
    format: "",
    many: true,
    nullable: false,
    target: "Order",
    rules: [],
  },
  /**
   * Example: 2024-01-15T09:30:00Z
   * Suggested (not enforced): pastOrPresent.
   */
  {
    name: "createdAt",
    type: "datetime",
    format: "",
    many: false,
    nullable: false,
    rules: [],
  },
]);

const model = { name: "Customer", kind: 'object', fields };

/**
 * Checks a request body against the Customer rules.
 * @param {*} input a value parsed from JSON
 * @returns {import('../errors').Violation[]} every violation; empty when the value is a valid Customer
 */
function validateCustomer(input) {
  return validateObject(model, input);
}

/**
 * @param {object} input a valid Customer (see validateCustomer)
 * @returns {object} the record to store: the fields in order, integers in plain digits, no null optional field
 */
function normalizeCustomer(input) {
  return normalize(model, input);
}

module.exports = { ...model, validate: validateCustomer, normalize: normalizeCustomer };
