package dev.specforge.support;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The third-party spec corpus in {@code ../shared/corpus}, present on development and CI machines only. */
public final class Corpus {

    /** Where the corpus lives relative to the checkout. */
    public static final Path ROOT = Path.of("..", "shared", "corpus");

    private Corpus() {
    }

    /** @return the corpus folder; the test is skipped (with the reason) when it is absent */
    public static Path dir() {
        assumeTrue(Files.isDirectory(ROOT), "skipped: ../shared/corpus is not present next to the checkout"
                + " (it is on development and CI machines, not on a user's clone)");
        return ROOT;
    }

    /**
     * @param relative a path inside the corpus, e.g. {@code openapi/xero-projects.yaml}
     * @return the file; the test is skipped (with the reason) when the corpus or the file is absent
     */
    public static Path file(String relative) {
        Path p = ROOT.resolve(relative);
        assumeTrue(Files.isDirectory(ROOT), "skipped: ../shared/corpus is not present next to the checkout"
                + " (it is on development and CI machines, not on a user's clone)");
        assumeTrue(Files.isRegularFile(p), "skipped: corpus file " + p + " is missing");
        return p;
    }
}
