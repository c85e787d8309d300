from enum import Enum


class ${entity.name}(str, Enum):
<#list entity.values as v>
    ${v.constant} = ${jsString(v.value)}
</#list>
