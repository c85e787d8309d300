{
  "project": ${jsString(project.name)},
  "types": [
<#list entities as e>
    {"name": ${jsString(e.name)}, "kind": ${jsString(e.kind)}, "module": ${jsString("models." + e.lowerName)}}<#sep>,</#sep>
</#list>
  ]
}
