'use strict';

const express = require('express');
const handlers = require('../handlers/pets-api-handlers');

/**
 * The routes of the operations tagged pets, at the paths of the OpenAPI document.
 * @returns {express.Router}
 */
function PetsApiRoutes() {
  const router = express.Router();
  router["get"]("/pets", handlers.listPets);
  router["post"]("/pets", handlers.createPets);
  router["get"]("/pets/:petId", handlers.showPetById);
  return router;
}

module.exports = { PetsApiRoutes };
