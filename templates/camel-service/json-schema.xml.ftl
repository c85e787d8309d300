<?xml version="1.0" encoding="UTF-8"?>
<!--
  @Pattern and @Size read as JSON Schema reads pattern, minLength/maxLength and minItems/maxItems: the pattern is
  searched in the value (anchor it with ^...$), lengths count characters (code points).
-->
<constraint-mappings xmlns="https://jakarta.ee/xml/ns/validation/mapping"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="https://jakarta.ee/xml/ns/validation/mapping https://jakarta.ee/xml/ns/validation/validation-mapping-3.0.xsd"
                     version="3.0">
  <constraint-definition annotation="jakarta.validation.constraints.Pattern">
    <validated-by include-existing-validators="false">
      <value>${project.packageName}.validation.JsonSchemaValidators$SearchedPattern</value>
    </validated-by>
  </constraint-definition>
  <constraint-definition annotation="jakarta.validation.constraints.Size">
    <validated-by include-existing-validators="false">
      <value>${project.packageName}.validation.JsonSchemaValidators$CharacterCount</value>
      <value>${project.packageName}.validation.JsonSchemaValidators$ItemCount</value>
    </validated-by>
  </constraint-definition>
</constraint-mappings>
