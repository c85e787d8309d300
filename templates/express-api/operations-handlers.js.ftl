<#import "lib/js.ftl" as js>
'use strict';

const { sendProblem } = require('../http');

/**
 * The operations tagged ${js.line(group.tag)}: each answers a 501 problem until you write it.
 */
module.exports = {
<#list group.operations as op>
  /** ${op.method?upper_case} ${js.line(op.path)}<#if op.summary?has_content>: ${js.line(op.summary)}</#if> */
  ${op.id}(req, res) {
    sendProblem(res, 501, ${jsString("The operation " + op.id + " is not implemented yet.")});
  },
<#if op?has_next>

</#if>
</#list>
};
