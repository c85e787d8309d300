<#noparse>
'use strict';

// The operations of src/contract.json served at basePath + path: the request is matched (an unknown path falls
// through to the 404 answer, a known path with another method is a 405 with Allow), its parameters and body are
// checked (400, 415), then your handler src/handlers/<operationId>.js runs when it exists, else the default answer
// (src/contract/answers.js).

const fs = require('node:fs');
const path = require('node:path');
const express = require('express');
const { parseJson } = require('../json');
const { sendProblem } = require('../http');
const { violation } = require('../errors');
const { Schemas } = require('./schemas');
const { readParameters, ParameterError } = require('./params');
const { Repositories, defaultAnswer, isJsonType } = require('./answers');

/** Where your handlers are: src/handlers/<operationId>.js, a folder no generated project writes. */
const HANDLERS = path.join(__dirname, '..', 'handlers');

/**
 * Loads the contract: src/contract.json, parsed twice (plain numbers for the schemas, exact ones for the bodies).
 * @param {string} [file] the contract file
 * @returns {{plain: object, exact: object}} the contract
 */
function loadContract(file = path.join(__dirname, '..', 'contract.json')) {
  const text = fs.readFileSync(file, 'utf8');
  return { plain: JSON.parse(text), exact: parseJson(text) };
}

/**
 * One path template compiled: a regular expression per segment over the decoded segments of a request path.
 * @param {string} template e.g. /pet/{petId}
 * @returns {{segments: {regex: RegExp, names: string[]}[], score: number[]}}
 */
function compilePath(template) {
  const trimmed = template.length > 1 && template.endsWith('/') ? template.slice(0, -1) : template;
  const segments = trimmed.split('/').slice(1).map((segment) => {
    const names = [];
    let source = '';
    let last = 0;
    const re = /\{([^}]+)\}/g;
    let m;
    while ((m = re.exec(segment)) !== null) {
      source += escapeRegex(segment.slice(last, m.index));
      const whole = m.index === 0 && re.lastIndex === segment.length;
      source += whole ? '(.+)' : '(.+?)';
      names.push(m[1]);
      last = re.lastIndex;
    }
    source += escapeRegex(segment.slice(last));
    return { regex: new RegExp(`^${source}$`, 's'), names };
  });
  // literal segments sort before templated ones (OpenAPI: concrete paths match first)
  const score = segments.map((s) => (s.names.length === 0 ? 0 : 1));
  return { segments, score };
}

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compareScores(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return 0;
}

/**
 * Matches the decoded segments of a request path (after the base path) against a compiled path template.
 * @param {{segments: {regex: RegExp, names: string[]}[]}} compiled a path template compiled by compilePath
 * @param {string[]} segments the request path's segments, percent-decoded
 * @returns {Object<string, string>|null} the path parameters by name when they match, else null
 */
function matchPath(compiled, segments) {
  if (segments.length !== compiled.segments.length) {
    return null;
  }
  const params = {};
  for (let i = 0; i < segments.length; i += 1) {
    const m = compiled.segments[i].regex.exec(segments[i]);
    if (m === null) {
      return null;
    }
    compiled.segments[i].names.forEach((name, j) => {
      params[name] = m[j + 1];
    });
  }
  return params;
}

/**
 * The media type of a content type header, without parameters, lower case ("" when none).
 * @param {string|undefined} header the Content-Type header
 * @returns {string}
 */
function mediaTypeOf(header) {
  return (header || '').split(';')[0].trim().toLowerCase();
}

/**
 * @param {string} mediaType a request's media type
 * @param {string[]} accepted the operation's content types (*\/* and type/* match)
 * @returns {boolean} whether one accepts it
 */
function accepts(mediaType, accepted) {
  return accepted.some((entry) => {
    const type = mediaTypeOf(entry);
    if (type === '*/*' || type === mediaType) {
      return true;
    }
    return type.endsWith('/*') && mediaType.startsWith(type.slice(0, -1));
  });
}

/**
 * Builds the router of every operation of the contract.
 * @param {object} [options]
 * @param {string} [options.bodyLimit] the largest request body (the syntax of the bytes package: 1mb)
 * @param {{plain: object, exact: object}} [options.contract] the contract (default: src/contract.json)
 * @param {string} [options.handlers] the folder of your handlers (default: src/handlers)
 * @returns {import('express').RequestHandler} a middleware answering the contract's requests, passing others on
 */
function contractRouter({ bodyLimit = '1mb', contract = loadContract(), handlers = HANDLERS } = {}) {
  const { plain, exact } = contract;
  const defs = plain.$defs || {};
  const schemas = new Schemas(defs);
  const repositories = new Repositories(exact.resources, plain.operations);
  const basePath = plain.basePath || '';
  const routes = plain.operations.map((op, i) => {
    const operation = { ...op, answer: op.answer && { ...op.answer, body: exact.operations[i].answer.body } };
    const parameters = (op.parameters || []).map((p) => ({ ...p, check: p.schema ? compileOr(schemas, p.schema, op, p.name) : null }));
    const bodyCheck = op.requestBody && op.requestBody.schema
      ? compileOr(schemas, op.requestBody.schema, op, 'request body') : null;
    return {
      operation,
      method: op.method.toUpperCase(),
      compiled: compilePath(op.path),
      parameters,
      bodyCheck,
      handler: userHandler(handlers, op.id),
    };
  });
  routes.sort((a, b) => compareScores(a.compiled.score, b.compiled.score));
  const readBody = express.raw({ type: () => true, limit: bodyLimit });

  return (req, res, next) => {
    const found = match(routes, basePath, req.path, req.method);
    if (found === null) {
      next();
      return;
    }
    if (found.route === null) {
      res.set('Allow', found.allowed.join(', '));
      sendProblem(res, 405, `${req.method} is not served at ${req.path}; allowed: ${found.allowed.join(', ')}.`);
      return;
    }
    readBody(req, res, (err) => {
      if (err) {
        next(err);
        return;
      }
      Promise.resolve()
        .then(() => serve(found.route, found.params, repositories, defs, req, res, next))
        .catch(next);
    });
  };
}

/** @returns {Function|null} a compiled schema check, or null (with a log line) when Ajv cannot compile the schema */
function compileOr(schemas, schema, op, what) {
  try {
    return schemas.compile(schema);
  } catch (e) {
    console.warn(`${op.id}: the schema of ${what} is not checked: ${e.message}`);
    return null;
  }
}

/** @returns {Function|null} your handler for the operation, from src/handlers/<operationId>.js */
function userHandler(folder, id) {
  const file = path.join(folder, `${id}.js`);
  if (!fs.existsSync(file)) {
    return null;
  }
  const handler = require(file);
  const fn = typeof handler === 'function' ? handler : handler && handler.default;
  if (typeof fn !== 'function') {
    throw new TypeError(`${file} must export a function (req, res, next) handling the operation ${id}`);
  }
  return fn;
}

/**
 * @returns {{route: object|null, params: object, allowed: string[]}|null} the route of the request (null when the
 *   path is served with other methods only, listed in allowed), or null when no operation has the path
 */
function match(routes, basePath, requestPath, method) {
  if (basePath !== '' && requestPath !== basePath && !requestPath.startsWith(`${basePath}/`)) {
    return null;
  }
  let rest = requestPath.slice(basePath.length) || '/';
  if (rest.length > 1 && rest.endsWith('/')) {
    rest = rest.slice(0, -1);
  }
  let segments;
  try {
    segments = rest.split('/').slice(1).map(decodeURIComponent);
  } catch (e) {
    return null;
  }
  const allowed = new Set();
  let best = null;
  let bestGet = null;
  for (const route of routes) {
    const params = matchPath(route.compiled, segments);
    if (params === null) {
      continue;
    }
    allowed.add(route.method);
    if (best === null && route.method === method) {
      best = { route, params };
    }
    if (bestGet === null && route.method === 'GET') {
      bestGet = { route, params };
    }
  }
  if (allowed.size === 0) {
    return null;
  }
  if (best === null && method === 'HEAD' && bestGet !== null) {
    best = bestGet;
  }
  return best !== null ? { ...best, allowed: [...allowed] } : { route: null, params: {}, allowed: [...allowed] };
}

/**
 * Checks the request against the operation, then runs your handler or the default answer.
 */
async function serve(route, pathParams, repositories, defs, req, res, next) {
  const { operation } = route;
  const url = new URL(req.originalUrl, 'http://localhost');
  let parameters;
  try {
    parameters = readParameters(route.parameters, defs, { path: pathParams, query: url.searchParams, headers: req.headers });
  } catch (e) {
    if (e instanceof ParameterError) {
      sendProblem(res, 400, e.message, [e.violation]);
      return;
    }
    throw e;
  }
  const body = readRequestBody(route, req, res);
  if (body === FAILED) {
    return;
  }
  req.operation = operation;
  req.parameters = parameters;
  req.params = parameters.path;
  Object.defineProperty(req, 'query', { value: parameters.query, configurable: true, enumerable: true, writable: true });
  req.body = body;
  if (route.handler !== null) {
    await route.handler(req, res, (err) => (err ? next(err) : defaultAnswer(operation, repositories, req, res)));
    return;
  }
  defaultAnswer(operation, repositories, req, res);
}

const FAILED = Symbol('failed');

/**
 * @returns {*} the request body (undefined for none; parsed JSON for a JSON type; text otherwise), or FAILED once a
 *   problem is sent (400, 415)
 */
function readRequestBody(route, req, res) {
  const spec = route.operation.requestBody;
  const raw = Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body : undefined;
  if (raw === undefined) {
    if (spec && spec.required) {
      sendProblem(res, 400, 'The request body is required.', [violation('', 'required', 'a body is required')]);
      return FAILED;
    }
    return undefined;
  }
  const mediaType = mediaTypeOf(req.headers['content-type']);
  const accepted = spec ? spec.contentTypes || [] : [];
  if (!accepts(mediaType, accepted)) {
    sendProblem(res, 415, accepted.length === 0
      ? `The operation ${route.operation.id} takes no body (${mediaType || 'no content type'} given).`
      : `The content type ${mediaType || '(none)'} is not accepted; accepted: ${accepted.join(', ')}.`);
    return FAILED;
  }
  const text = raw.toString('utf8');
  if (!isJsonType(mediaType)) {
    return mediaType === 'application/x-www-form-urlencoded' ? Object.fromEntries(new URLSearchParams(text)) : text;
  }
  let value;
  try {
    value = parseJson(text);
  } catch (e) {
    sendProblem(res, 400, `The body is not valid JSON: ${e.message}`, [violation('', 'type', 'must be JSON')]);
    return FAILED;
  }
  if (route.bodyCheck) {
    const broken = route.bodyCheck(value);
    if (broken.length > 0) {
      const first = broken[0];
      sendProblem(res, 400, `body ${first.pointer || '/'}: ${first.detail} (${first.rule})`, broken);
      return FAILED;
    }
  }
  return value;
}

module.exports = { contractRouter, loadContract, compilePath, matchPath, mediaTypeOf, accepts };
</#noparse>
