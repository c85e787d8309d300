'use strict';

/**
 * Settings, from the environment.
 * - PORT: the port to listen on (default ${stack.properties.defaultPort});
 * - BODY_LIMIT: the largest JSON body accepted (default 1mb, express.json syntax).
 */
module.exports = Object.freeze({
  port: Number.parseInt(process.env.PORT || '${stack.properties.defaultPort}', 10),
  bodyLimit: process.env.BODY_LIMIT || '1mb',
});
