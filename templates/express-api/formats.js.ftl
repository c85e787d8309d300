<#noparse>
'use strict';

// The string formats the service checks (JSON Schema Validation 2020-12 section 7.3): date and date-time (RFC 3339),
// uuid (RFC 4122), email and uri, plus base64 text for bytes fields, and the instants the past/future rules compare.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f\u007f]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** @returns {boolean} whether the text is a full-date (YYYY-MM-DD) of the calendar */
function isDate(text) {
  const m = DATE.exec(text);
  if (m === null) {
    return false;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** @returns {boolean} whether the text is an RFC 3339 date-time, with its offset (Z or +hh:mm) */
function isDateTime(text) {
  const m = DATE_TIME.exec(text);
  if (m === null || !isDate(m[1])) {
    return false;
  }
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4])];
  const offsetOk = m[6] !== undefined || (Number(m[8]) <= 23 && Number(m[9]) <= 59);
  return hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/**
 * @param {string} text a valid date-time (see isDateTime)
 * @returns {number} its instant in milliseconds since 1970 (a leap second counts as the second before it)
 */
function instant(text) {
  const m = DATE_TIME.exec(text);
  const [year, month, day] = m[1].split('-').map(Number);
  const millis = m[5] ? Number(`0${m[5]}`) * 1000 : 0;
  const local = Date.UTC(year, month - 1, day, Number(m[2]), Number(m[3]), Math.min(59, Number(m[4]))) + millis;
  const offset = m[6] ? 0 : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60000;
  return local - offset;
}

/** @returns {string} today's date in UTC, YYYY-MM-DD: what a date field's past and future rules compare with */
function today() {
  return new Date().toISOString().slice(0, 10);
}

/** @returns {boolean} whether the text is a UUID (8-4-4-4-12 hexadecimal digits) */
function isUuid(text) {
  return UUID.test(text);
}

/** @returns {boolean} whether the text looks like an email address: local@domain.tld, no spaces */
function isEmail(text) {
  return EMAIL.test(text);
}

/** @returns {boolean} whether the text is an absolute URI: a scheme, then no spaces or control characters */
function isUri(text) {
  if (!URI_SCHEME.test(text)) {
    return false;
  }
  try {
    new URL(text);
    return true;
  } catch (e) {
    return false;
  }
}

/** @returns {boolean} whether the text is base64 (RFC 4648 section 4, padded) */
function isBase64(text) {
  return BASE64.test(text);
}

module.exports = { isDate, isDateTime, instant, today, isUuid, isEmail, isUri, isBase64 };
</#noparse>
