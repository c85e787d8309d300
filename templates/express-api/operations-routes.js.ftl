<#import "lib/js.ftl" as js>
'use strict';

const express = require('express');
const handlers = require('../handlers/${group.kebab}-api-handlers');

/**
 * The routes of the operations tagged ${js.line(group.tag)}, at the paths of the OpenAPI document.
 * @returns {express.Router}
 */
function ${group.name}ApiRoutes() {
  const router = express.Router();
<#list group.operations as op>
  router[${jsString(op.method)}](${jsString(js.expressPath(op.path))}, handlers.${op.id});
</#list>
  return router;
}

module.exports = { ${group.name}ApiRoutes };
