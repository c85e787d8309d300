package dev.specforge.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under {@code src/test/resources/golden}. Regenerate after an intended change with
 * {@code mvn verify -Dgolden.update=true}, then review the diff like any code change.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /**
     * @param name   the golden file, relative to the golden folder
     * @param actual the generated text
     */
    public static void assertMatches(String name, String actual) throws IOException {
        Path file = ROOT.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create or refresh with -Dgolden.update=true)", file).exists();
        assertThat(actual).as("generated text vs golden file %s", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
