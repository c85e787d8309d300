<#noparse>
'use strict';

// The errors the services throw; src/http.js turns each into an RFC 9457 problem answer (application/problem+json)
// with its HTTP status.

/**
 * One broken rule in a request body.
 * @typedef {object} Violation
 * @property {string} pointer where, as an RFC 6901 JSON pointer into the body ("" for the body itself)
 * @property {string} rule the rule's name: a JSON Schema keyword (required, type, maxLength, format, ...), a
 *   field-validators rule (notBlank, positive, pastOrPresent, ...), id or unique
 * @property {string} detail what is wrong, for a person
 */

/** The request body breaks rules: 400. */
class ValidationError extends Error {
  /**
   * @param {string} message the problem's detail
   * @param {Violation[]} violations every broken rule
   */
  constructor(message, violations) {
    super(message);
    this.name = 'ValidationError';
    this.violations = violations;
  }
}

/** No record has the id in the path: 404. */
class NotFoundError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The body's id, or a unique field's value, is taken by another record: 409. */
class ConflictError extends Error {
  /**
   * @param {string} message the problem's detail
   * @param {Violation[]} violations one per clashing value
   */
  constructor(message, violations) {
    super(message);
    this.name = 'ConflictError';
    this.violations = violations;
  }
}

/**
 * @param {string} pointer an RFC 6901 JSON pointer
 * @param {string} rule the rule's name
 * @param {string} detail what is wrong
 * @returns {Violation}
 */
function violation(pointer, rule, detail) {
  return { pointer, rule, detail };
}

/**
 * @param {string} pointer a JSON pointer
 * @param {string|number} token a property name or an array index
 * @returns {string} the pointer one level down, the token escaped as RFC 6901 says (~ as ~0, / as ~1)
 */
function childPointer(pointer, token) {
  return `${pointer}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

module.exports = { ValidationError, NotFoundError, ConflictError, violation, childPointer };
</#noparse>
