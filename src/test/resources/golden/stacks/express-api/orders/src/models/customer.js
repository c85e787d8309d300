'use strict';

const { validate } = require('./validate');

/**
 * A buyer. Template text such as ${user.home} or <#assign x = 1> is data, not code. *&#47; ends no comment.
 */
const fields = Object.freeze([
  /**
   * Example: 3fa85f64-5717-4562-b3fc-2c963f66afa6
   */
  {
    name: "id",
    type: "uuid",
    format: "",
    many: false,
    rules: [{ kind: "required" }],
  },
  /**
   * Example: jane.doe@example.com
   */
  {
    name: "email",
    type: "string",
    format: "email",
    many: false,
    rules: [{ kind: "required" }, { kind: "notBlank" }, { kind: "maxLength", value: 120 }, { kind: "email" }],
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
    target: "CustomerStatus",
    rules: [],
  },
  {
    name: "orders",
    type: "ref",
    format: "",
    many: true,
    target: "Order",
    rules: [],
  },
  /**
   * Example: 2024-01-15T09:30:00Z
   */
  {
    name: "createdAt",
    type: "datetime",
    format: "",
    many: false,
    rules: [{ kind: "pastOrPresent" }],
  },
]);

/**
 * Checks a request body against the Customer rules.
 * @param {*} input a value parsed from JSON
 * @returns {{field: string, problem: string}[]} every problem; empty when the value is a valid Customer
 */
function validateCustomer(input) {
  return validate(fields, input);
}

module.exports = { name: "Customer", kind: 'object', fields, validate: validateCustomer };
