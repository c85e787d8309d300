<#import "lib/js.ftl" as js>
'use strict';

/**
 * The operations tagged ${js.line(group.tag)}: each answers 501 Not Implemented until you write it.
 */
module.exports = {
<#list group.operations as op>
  /** ${op.method?upper_case} ${js.line(op.path)}<#if op.summary?has_content>: ${js.line(op.summary)}</#if> */
  ${op.id}(req, res) {
    res.status(501).json({ error: ${jsString("operation " + op.id + " is not implemented")} });
  },
<#if op?has_next>

</#if>
</#list>
};
