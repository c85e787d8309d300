<?xml version="1.0" encoding="UTF-8"?>
<!-- ${project.name}: one line per event at INFO; set LOG_LEVEL=DEBUG for more -->
<configuration>
  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
    <encoder>
      <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
    </encoder>
  </appender>
  <!-- the list of every HTTP endpoint at start grows with the spec; GET /openapi.json lists them instead -->
  <logger name="org.apache.camel.component.platform.http.main.MainHttpServerUtil" level="WARN"/>
  <root level="${r"${LOG_LEVEL:-INFO}"}">
    <appender-ref ref="console"/>
  </root>
</configuration>
