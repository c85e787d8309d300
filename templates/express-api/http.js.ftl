<#noparse>
'use strict';

// HTTP plumbing shared by every route: the JSON body parser, JSON and problem+json answers, the request log line,
// the 404 and 405 answers and the error handler.

const express = require('express');
const { STATUS_CODES } = require('node:http');
const { parseJson, toJson } = require('./json');
const { ValidationError, NotFoundError, ConflictError, violation } = require('./errors');

/**
 * Sends a value as JSON (application/json), numbers with every digit they came with.
 * @param {import('express').Response} res the response
 * @param {number} status the HTTP status
 * @param {*} value the body
 */
function sendJson(res, status, value) {
  send(res, status, 'application/json', toJson(value));
}

/**
 * Sends an RFC 9457 problem (application/problem+json): type, title, status, detail, and errors when given.
 * @param {import('express').Response} res the response
 * @param {number} status the HTTP status
 * @param {string} detail what went wrong, for a person
 * @param {import('./errors').Violation[]} [errors] the broken rules of a request body
 */
function sendProblem(res, status, detail, errors) {
  const problem = { type: 'about:blank', title: STATUS_CODES[status] || 'Error', status, detail };
  if (errors) {
    problem.errors = errors;
  }
  send(res, status, 'application/problem+json', toJson(problem));
}

/**
 * Sends text as the content type exactly (JSON is UTF-8 by definition, RFC 8259: no charset parameter, which
 * Express's res.set and res.send of a string would add).
 * @param {import('express').Response} res the response
 * @param {number} status the HTTP status
 * @param {string} contentType the media type
 * @param {string} text the body
 */
function send(res, status, contentType, text) {
  res.status(status);
  res.setHeader('Content-Type', contentType);
  res.send(Buffer.from(text, 'utf8'));
}

/**
 * A middleware that parses the request body as JSON without losing digits (src/json.js) into req.body. A request
 * without a body keeps req.body undefined; malformed JSON is a 400 problem.
 * @param {object} options
 * @param {string} options.limit the largest body accepted (a larger one is a 413 problem)
 * @param {boolean} [options.anyType] parse whatever the Content-Type says (the CRUD routes: a client that forgets
 *   the header still gets its body read); otherwise only application/json and application/*+json bodies
 * @returns {import('express').RequestHandler}
 */
function jsonBody({ limit, anyType = false }) {
  const readText = express.text({
    limit,
    type: anyType ? () => true : ['application/json', 'application/*+json'],
    defaultCharset: 'utf-8',
  });
  return (req, res, next) => {
    readText(req, res, (err) => {
      if (err) {
        next(err);
        return;
      }
      if (typeof req.body === 'string') {
        try {
          req.body = parseJson(req.body);
        } catch (e) {
          next(new ValidationError(`The body is not valid JSON: ${e.message}`,
            [violation('', 'type', 'must be a JSON object')]));
          return;
        }
      }
      next();
    });
  };
}

/**
 * A middleware that logs one line per request once it is answered: method, path, status and milliseconds, and the
 * error of a 500 (src/http.js errorHandler leaves it in res.locals.failure).
 * @returns {import('express').RequestHandler}
 */
function requestLog() {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const failure = res.locals.failure ? ` ${oneLine(res.locals.failure)}` : '';
      console.log(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms${failure}`);
    });
    next();
  };
}

function oneLine(err) {
  return String((err && err.stack) || err).replace(/\s*\n\s*/g, ' | ');
}

/**
 * The last route: a 404 problem for a path nothing serves.
 * @type {import('express').RequestHandler}
 */
function notFound(req, res) {
  sendProblem(res, 404, `Nothing is served at ${req.method} ${req.path}.`);
}

/**
 * @param {string} allowed the methods the path serves, e.g. "GET, POST"
 * @returns {import('express').RequestHandler} a 405 problem with an Allow header, for the other methods
 */
function methodNotAllowed(allowed) {
  return (req, res) => {
    res.set('Allow', allowed);
    sendProblem(res, 405, `${req.method} is not served here; allowed: ${allowed}.`);
  };
}

/**
 * The error handler: the services' errors and the body parser's become problems with their status; anything else
 * is a 500 problem that says nothing of the cause (which goes to the log line).
 * @type {import('express').ErrorRequestHandler}
 */
function errorHandler(err, req, res, next) {
  if (res.headersSent) {
    next(err);
    return;
  }
  if (err instanceof ValidationError) {
    sendProblem(res, 400, err.message, err.violations);
  } else if (err instanceof ConflictError) {
    sendProblem(res, 409, err.message, err.violations);
  } else if (err instanceof NotFoundError) {
    sendProblem(res, 404, err.message);
  } else if (isClientError(err)) {
    // from the body parser: 413 too large, 415 unsupported charset or encoding, 400 unreadable body
    sendProblem(res, err.status, err.expose ? err.message : STATUS_CODES[err.status]);
  } else {
    res.locals.failure = err;
    sendProblem(res, 500, 'The service failed to answer; the cause is in its log.');
  }
}

function isClientError(err) {
  return err !== null && typeof err === 'object' && Number.isInteger(err.status) && err.status >= 400
    && err.status < 500;
}

module.exports = { send, sendJson, sendProblem, jsonBody, requestLog, notFound, methodNotAllowed, errorHandler };
</#noparse>
