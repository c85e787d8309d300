<#noparse>
'use strict';

// Exact arithmetic on JSON number text, for the checks of decimals and 64-bit integers: comparing against a bound
// and telling whether a number is an integer that fits 32 or 64 bits, without ever going through a double (which
// holds about 16 significant digits).

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * A number as sign, significant digits and exponent: value = sign * digits * 10^exponent, with no leading or
 * trailing zeros in digits (zero is sign 0, digits "").
 * @param {string} text JSON number text
 * @returns {{sign: number, digits: string, exponent: number}}
 */
function decompose(text) {
  const m = NUMBER.exec(text);
  if (m === null) {
    throw new TypeError(`not a JSON number: ${text}`);
  }
  const fraction = m[3] || '';
  const all = (m[2] + fraction).replace(/^0+/, '');
  if (all === '') {
    return { sign: 0, digits: '', exponent: 0 };
  }
  const digits = all.replace(/0+$/, '');
  const exponent = Number(m[4] || '0') - fraction.length + (all.length - digits.length);
  return { sign: m[1] === '-' ? -1 : 1, digits, exponent };
}

/**
 * Compares two numbers exactly.
 * @param {string} a JSON number text
 * @param {string} b JSON number text
 * @returns {number} -1, 0 or 1 as a is less than, equal to or greater than b
 */
function compare(a, b) {
  const x = decompose(a);
  const y = decompose(b);
  if (x.sign !== y.sign) {
    return x.sign < y.sign ? -1 : 1;
  }
  if (x.sign === 0) {
    return 0;
  }
  // the same sign: compare magnitudes, first by the position of the leading digit, then digit by digit
  const lead = x.digits.length + x.exponent - (y.digits.length + y.exponent);
  if (lead !== 0) {
    return lead < 0 ? -x.sign : x.sign;
  }
  const width = Math.max(x.digits.length, y.digits.length);
  const dx = x.digits.padEnd(width, '0');
  const dy = y.digits.padEnd(width, '0');
  return dx === dy ? 0 : (dx < dy ? -x.sign : x.sign);
}

const INT_RANGES = Object.freeze({
  32: [-(2n ** 31n), 2n ** 31n - 1n],
  64: [-(2n ** 63n), 2n ** 63n - 1n],
});

/**
 * @param {string} text JSON number text
 * @param {32|64} bits the integer's width
 * @returns {string|null} the integer in plain digits ("1.0" and "1e2" count, as JSON Schema says, and become "1" and
 *   "100"), or null when the number is not an integer of that width
 */
function integerText(text, bits) {
  const { sign, digits, exponent } = decompose(text);
  if (sign === 0) {
    return '0';
  }
  if (exponent < 0 || digits.length + exponent > 20) {
    return null;
  }
  const value = BigInt(digits + '0'.repeat(exponent)) * BigInt(sign);
  const [min, max] = INT_RANGES[bits];
  return value >= min && value <= max ? value.toString() : null;
}

module.exports = { compare, integerText };
</#noparse>
