<?xml version="1.0" encoding="UTF-8"?>
<!-- Bean Validation configuration of ${project.name} (Jakarta Bean Validation 3.0, section 8) -->
<validation-config xmlns="https://jakarta.ee/xml/ns/validation/configuration"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/validation/configuration https://jakarta.ee/xml/ns/validation/validation-configuration-3.0.xsd"
                   version="3.0">
  <constraint-mapping>META-INF/validation/json-schema.xml</constraint-mapping>
</validation-config>
