'use strict';

/**
 * The customer status values: ACTIVE, SUSPENDED, in-review.
 */
const values = Object.freeze([
  "ACTIVE",
  "SUSPENDED",
  "in-review",
]);

/** CustomerStatus: a string, one of the values exactly as spelled (src/models/validate.js checks it). */
module.exports = { name: "CustomerStatus", kind: 'enum', values };
