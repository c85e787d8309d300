package dev.specforge.validate;

/**
 * The outcome of validating one generated file.
 *
 * @param kind    what was checked: {@code java}, {@code json}, {@code yaml}, {@code xml}, or {@code none} for files
 *                with no checker (Dockerfile, Markdown, ...), which count as valid
 * @param valid   whether the file passed
 * @param problem the first problem found, naming line and column where the checker gives them; {@code null} when valid
 */
public record FileCheck(String kind, boolean valid, String problem) {

    static FileCheck ok(String kind) {
        return new FileCheck(kind, true, null);
    }

    static FileCheck failed(String kind, String problem) {
        return new FileCheck(kind, false, problem);
    }
}
