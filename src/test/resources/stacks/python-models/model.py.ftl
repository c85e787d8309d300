<#assign types = {"string": "str", "integer": "int", "long": "int", "decimal": "Decimal", "double": "float",
  "float": "float", "boolean": "bool", "date": "date", "datetime": "datetime", "uuid": "UUID", "uri": "str",
  "bytes": "bytes", "map": "dict[str, Any]", "object": "Any"}>
<#function py f>
  <#local t = (f.type == "enum" || f.type == "ref")?then(jsString(f.target), types[f.type])>
  <#return f.many?then("list[" + t + "]", t)>
</#function>
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Optional
from uuid import UUID


@dataclass
class ${entity.name}:
    """<#list entity.docLines as line>${line?replace("\"", "'")?replace("\\", "/")}<#sep> </#list>"""

<#list entity.fields?filter(f -> f.required) as f>
    ${f.name}: ${py(f)}
</#list>
<#list entity.fields?filter(f -> !f.required) as f>
    ${f.name}: Optional[${py(f)}] = None
</#list>
<#if !entity.fields?has_content>
    pass
</#if>
