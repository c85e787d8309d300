'use strict';

// Every model by type name, for references between types (loaded on first use, so cycles are fine).
<#if entities?has_content>
module.exports = {
<#list entities as e>
  get ${e.name}() {
    return require('./${e.kebab}');
  },
</#list>
};
<#else>
module.exports = {};
</#if>
