'use strict';

/**
 * Settings, from the environment:
 * - PORT: the port to listen on (default ${stack.properties.defaultPort});
 * - BODY_LIMIT: the largest request body accepted (default 1mb, in the syntax of the bytes package: 100kb, 2mb);
 * - LOG_REQUESTS: "false" turns off the one log line per request.
 */
module.exports = Object.freeze({
  port: Number.parseInt(process.env.PORT || '${stack.properties.defaultPort}', 10),
  bodyLimit: process.env.BODY_LIMIT || '1mb',
  logRequests: process.env.LOG_REQUESTS !== 'false',
});
