<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>

  <groupId>${project.group}</groupId>
  <artifactId>${project.name}</artifactId>
  <version>${project.version}</version>
  <name>${project.name}</name>
<#if project.description?has_content>
  <description>${project.description?xml}</description>
</#if>

  <properties>
    <maven.compiler.release>${stack.properties.javaRelease}</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <camel.version>${stack.properties.camelVersion}</camel.version>
  </properties>

  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.apache.camel</groupId>
        <artifactId>camel-bom</artifactId>
        <version>${r"${camel.version}"}</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
<#if operationGroups?has_content>
      <!-- json-schema-validator's YAML reader, at the Jackson version of the rest -->
      <dependency>
        <groupId>com.fasterxml.jackson.dataformat</groupId>
        <artifactId>jackson-dataformat-yaml</artifactId>
        <version>${stack.properties.jacksonVersion}</version>
      </dependency>
</#if>
    </dependencies>
  </dependencyManagement>

  <dependencies>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-main</artifactId></dependency>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-yaml-dsl</artifactId></dependency>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-platform-http-main</artifactId></dependency>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-rest</artifactId></dependency>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-jackson</artifactId></dependency>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-bean</artifactId></dependency>
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-direct</artifactId></dependency>
    <!-- /observe/health (camel.management.health-check-enabled) -->
    <dependency><groupId>org.apache.camel</groupId><artifactId>camel-health</artifactId></dependency>
    <!-- dates and date-times as ISO-8601 text -->
    <dependency>
      <groupId>com.fasterxml.jackson.datatype</groupId>
      <artifactId>jackson-datatype-jsr310</artifactId>
      <version>${stack.properties.jacksonVersion}</version>
    </dependency>
    <!-- Bean Validation: the API, Hibernate Validator and the expression language its messages use -->
    <dependency>
      <groupId>jakarta.validation</groupId>
      <artifactId>jakarta.validation-api</artifactId>
      <version>${stack.properties.jakartaValidationVersion}</version>
    </dependency>
    <dependency>
      <groupId>org.hibernate.validator</groupId>
      <artifactId>hibernate-validator</artifactId>
      <version>${stack.properties.hibernateValidatorVersion}</version>
    </dependency>
    <dependency>
      <groupId>org.glassfish.expressly</groupId>
      <artifactId>expressly</artifactId>
      <version>${stack.properties.expresslyVersion}</version>
    </dependency>
<#if operationGroups?has_content>
    <!-- requests and answers validated against the JSON Schemas (2020-12) of contract.json -->
    <dependency>
      <groupId>com.networknt</groupId>
      <artifactId>json-schema-validator</artifactId>
      <version>${stack.properties.jsonSchemaValidatorVersion}</version>
    </dependency>
</#if>
    <dependency>
      <groupId>ch.qos.logback</groupId>
      <artifactId>logback-classic</artifactId>
      <version>${stack.properties.logbackVersion}</version>
      <scope>runtime</scope>
    </dependency>
    <!-- tests: the real Main and routes, over HTTP -->
    <dependency>
      <groupId>org.apache.camel</groupId>
      <artifactId>camel-test-main-junit5</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>${stack.properties.junitVersion}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <finalName>${project.name}</finalName>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>${stack.properties.compilerPluginVersion}</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>${stack.properties.resourcesPluginVersion}</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-surefire-plugin</artifactId>
        <version>${stack.properties.surefirePluginVersion}</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <version>${stack.properties.jarPluginVersion}</version>
        <configuration>
          <archive>
            <manifest>
              <mainClass>${project.packageName}.Application</mainClass>
              <addClasspath>true</addClasspath>
              <classpathPrefix>lib/</classpathPrefix>
            </manifest>
          </archive>
        </configuration>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>${stack.properties.dependencyPluginVersion}</version>
        <executions>
          <execution>
            <id>copy-runtime-dependencies</id>
            <phase>package</phase>
            <goals><goal>copy-dependencies</goal></goals>
            <configuration>
              <includeScope>runtime</includeScope>
              <outputDirectory>${r"${project.build.directory}"}/lib</outputDirectory>
            </configuration>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
