'use strict';

const fs = require('node:fs');
const path = require('node:path');
const express = require('express');
const config = require('./config');
const { requestLog, notFound, errorHandler, send, sendJson } = require('./http');
const { contractRouter, loadContract } = require('./contract/router');

/** The OpenAPI document this service was generated from (bundled into one file), served as it is. */
const OPENAPI = fs.readFileSync(path.join(__dirname, 'openapi.json'), 'utf8');

/** The run-time contract (src/contract.json): the operations, their checks, answers and resources. */
const CONTRACT = loadContract();

/** The base path of the operations (from the document's first server), "" for none. */
const BASE_PATH = CONTRACT.plain.basePath || '';

/**
 * Builds the app: one log line per request, GET /openapi.json (also under the base path), every operation of
 * src/contract.json (validated, then answered by your handler in src/handlers/ or by default), GET /health, a 404
 * problem for any other path and the error handler (errors are application/problem+json, RFC 9457).
 * @param {object} [options]
 * @param {boolean} [options.log] whether to log a line per request (default: config.logRequests)
 * @returns {import('express').Express}
 */
function createApp({ log = config.logRequests } = {}) {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (log) {
    app.use(requestLog());
  }
  const openapi = (req, res) => send(res, 200, 'application/json', OPENAPI);
  app.use((req, res, next) => {
    const isGet = req.method === 'GET' || req.method === 'HEAD';
    if (isGet && (req.path === '/openapi.json' || req.path === BASE_PATH + '/openapi.json')) {
      openapi(req, res);
    } else {
      next();
    }
  });
  app.use(contractRouter({ bodyLimit: config.bodyLimit, contract: CONTRACT }));
  app.get('/health', (req, res) => sendJson(res, 200, { status: 'UP' }));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

/**
 * Starts the app on the port: it takes requests (GET /health answers UP) once this resolves.
 * @param {number} port the port (0: any free port)
 * @param {object} [options] createApp's options
 * @returns {Promise<import('node:http').Server>} the listening server
 */
function start(port, options) {
  return new Promise((resolve, reject) => {
    const server = createApp(options).listen(port);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

if (require.main === module) {
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    console.error('PORT must be a port number, not %s', process.env.PORT);
    process.exit(1);
  }
  start(config.port).then((server) => {
    console.log('%s listening on port %d', "swagger-petstore", server.address().port);
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  }, (err) => {
    console.error('%s cannot listen on port %d: %s', "swagger-petstore", config.port, err.message);
    process.exit(1);
  });
}

module.exports = { createApp, start };
