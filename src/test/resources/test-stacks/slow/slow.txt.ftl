<#assign sum = 0>
<#list 1..300000 as i><#assign sum = sum + i></#list>
${entity.name}: ${sum}
