# Build stage: compile and package with Maven
FROM maven:3.9-eclipse-temurin-${stack.properties.javaRelease} AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

# Runtime stage: JRE only, unprivileged user
FROM eclipse-temurin:${stack.properties.javaRelease}-jre
WORKDIR /app
COPY --from=build /build/target/${project.name}.jar /app/app.jar
COPY --from=build /build/target/lib /app/lib
EXPOSE 8080
USER 10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
