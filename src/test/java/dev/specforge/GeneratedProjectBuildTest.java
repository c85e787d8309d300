package dev.specforge;

import dev.specforge.cli.SpecforgeCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated project builds on its own with Maven, and its own tests (camel-test-main-junit5: the real service over
 * HTTP, one class per entity) pass. Slow (downloads the generated project's dependencies on a
 * fresh machine), so tagged {@code slow}; {@code mvn -B verify} runs it, {@code -DexcludedGroups=slow} skips it.
 */
@Tag("slow")
class GeneratedProjectBuildTest {

    @TempDir
    Path out;

    @Test
    void should_unzip_a_generated_project_that_mvn_package_builds_and_tests() throws Exception {
        assertThat(SpecforgeCommand.execute("generate", "src/test/resources/specs/orders.yaml", "-o", out.toString()))
                .isZero();
        Path project = unzip(out.resolve("orders.zip"), out.resolve("unzipped")).resolve("orders-service");

        Path log = out.resolve("mvn.log");
        Process mvn = new ProcessBuilder("mvn", "-B", "package")
                .directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        assertThat(mvn.waitFor(10, TimeUnit.MINUTES)).as("mvn package finished").isTrue();
        assertThat(mvn.exitValue()).as(Files.readString(log)).isZero();
        assertThat(project.resolve("target/classes/com/acme/orders/model/Customer.class")).exists();
        assertThat(project.resolve("target/classes/routes/customer.camel.yaml")).exists();
        assertThat(project.resolve("target/orders-service.jar")).exists();
        for (String test : new String[] {"CustomerApiTest", "OrderApiTest"}) {
            String report = Files.readString(project.resolve("target/surefire-reports/TEST-com.acme.orders." + test
                    + ".xml"));
            assertThat(report).as(test).contains("tests=\"3\"").contains("failures=\"0\"").contains("errors=\"0\"")
                    .contains("skipped=\"0\"");
        }
    }

    private static Path unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                assertThat(target.startsWith(into)).as("zip entry %s stays inside", e.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.copy(z, target);
            }
        }
        return into;
    }
}
