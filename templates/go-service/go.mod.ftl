<#import "lib/go.ftl" as go>
module ${go.module(project)}

go ${stack.properties.goVersion}
