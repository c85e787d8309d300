<#noparse>
'use strict';

// JSON in and out without losing digits. JSON.parse turns every number into a double, so 12345678901234567.89,
// 9007199254740993 and the trailing zero of 1234.50 would be lost; lossless-json keeps each number as its text (a
// LosslessNumber) and writes it back as it came. Request bodies are parsed, and responses written, here.

const { parse, stringify, isLosslessNumber, LosslessNumber } = require('lossless-json');

/**
 * Parses JSON text, numbers as LosslessNumber.
 * @param {string} text JSON text
 * @returns {*} its value
 * @throws {SyntaxError} when the text is not JSON, or an object has the same key twice with different values
 */
function parseJson(text) {
  return parse(text);
}

/**
 * Writes a value as JSON text: LosslessNumber values as their digits, bigint values as integers.
 * @param {*} value the value
 * @returns {string} JSON text
 */
function toJson(value) {
  return stringify(value);
}

/**
 * The text of a JSON number: a LosslessNumber's digits, or a finite JavaScript number's shortest form.
 * @param {*} value any value
 * @returns {string|null} the number's text, or null when the value is not a number
 */
function numberText(value) {
  if (isLosslessNumber(value)) {
    return value.value;
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/**
 * @param {string} text JSON number text, e.g. "1234.50"
 * @returns {LosslessNumber} a number written back as exactly that text
 */
function jsonNumber(text) {
  return new LosslessNumber(text);
}

/**
 * @param {*} value any value
 * @returns {boolean} whether it is a JSON object: a plain object (not an array, not null, not a LosslessNumber)
 */
function isJsonObject(value) {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

module.exports = { parseJson, toJson, numberText, jsonNumber, isJsonObject };
</#noparse>
