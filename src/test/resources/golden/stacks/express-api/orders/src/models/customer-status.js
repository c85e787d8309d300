'use strict';

/**
 * The customer status values: ACTIVE, SUSPENDED, in-review.
 */
const values = Object.freeze([
  "ACTIVE",
  "SUSPENDED",
  "in-review",
]);

/**
 * @param {*} input a value parsed from JSON
 * @returns {{field: string, problem: string}[]} a problem when the value is not one of the values
 */
function validateCustomerStatus(input) {
  return values.includes(input) ? [] : [{ field: '(value)', problem: `must be one of ${values.join(', ')}` }];
}

module.exports = { name: "CustomerStatus", kind: 'enum', values, validate: validateCustomerStatus };
