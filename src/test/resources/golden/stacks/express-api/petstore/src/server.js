'use strict';

const express = require('express');
const config = require('./config');
const { PetsApiRoutes } = require('./routes/pets-api-routes');

/**
 * Builds the app: JSON bodies, the routes, a JSON 404 and a JSON error handler.
 * @returns {import('express').Express}
 */
function createApp() {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: config.bodyLimit }));
  app.get('/health', (req, res) => res.json({ status: 'UP' }));
  app.use(PetsApiRoutes());
  app.use((req, res) => res.status(404).json({ error: `no resource at ${req.path}` }));
  // a malformed or oversized JSON body is the client's fault (400/413); anything else is ours (500)
  app.use((err, req, res, next) => {
    const status = Number.isInteger(err.status) && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) {
      console.error(err);
    }
    res.status(status).json({ error: status === 500 ? 'internal error' : err.message });
  });
  return app;
}

if (require.main === module) {
  const server = createApp().listen(config.port, () => {
    console.log('%s listening on port %d', "swagger-petstore", config.port);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

module.exports = { createApp };
