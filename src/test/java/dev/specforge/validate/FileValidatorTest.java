package dev.specforge.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileValidatorTest {

    @Test
    void should_accept_sound_go_with_brackets_inside_strings_runes_and_comments() {
        String go = """
                // Package x: a { in a comment
                package x

                /* a ( block */
                var s = "}{)(" + `raw ] with
                newline {` + string('{')

                func f(a []int) map[string]int {
                	return map[string]int{"k": a[0]}
                }
                """;
        assertThat(GoStructure.problem(go)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "func f() {}|line 1, column 1: a Go file must start with a package clause",
            "package|line 1, column 8: a Go file must start with a package clause",
            "package x\\nfunc f() {\\n|line 3, column 1: unclosed '{' opened at line 2, column 10",
            "package x\\nvar a = f(]|line 2, column 11: ']' closes '(' opened at line 2, column 10",
            "package x\\n}|line 2, column 1: '}' closes nothing",
            "package x\\nvar s = \"open|line 2, column 9: unclosed string",
            "package x\\n/* open|line 2, column 1: unclosed block comment"})
    void should_name_the_first_structural_problem_of_go_source(String source, String problem) {
        assertThat(GoStructure.problem(source.replace("\\n", "\n"))).isEqualTo(problem);
    }

    @Test
    void should_check_go_files_structurally_without_gofmt() {
        FileCheck check = new FileValidator().check("cmd/main.go", "package main\nfunc main() {\n".getBytes());
        assertThat(check.kind()).isEqualTo("go");
        assertThat(check.valid()).isFalse();
        assertThat(check.problem()).contains("unclosed '{'");
    }

    @Test
    void should_leave_javascript_unchecked_without_node() {
        FileCheck check = new FileValidator().check("src/app.js", "const a = {;".getBytes());
        assertThat(check.kind()).isEqualTo("javascript-unchecked");
        assertThat(check.valid()).isTrue();
    }

    @Test
    void should_parse_javascript_with_node_and_name_the_line() {
        ExternalCheck node = ExternalCheck.find("node", 60_000);
        assumeTrue(node != null, "node is not on the PATH");
        FileValidator validator = new FileValidator(node, null);

        FileCheck broken = validator.check("src/app.js", "'use strict';\nconst a = {;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.kind()).isEqualTo("javascript");
        assertThat(broken.valid()).isFalse();
        assertThat(broken.problem()).startsWith("line 2: SyntaxError");

        assertThat(validator.check("src/app.js", "module.exports = { a: 1 };\n".getBytes()).valid()).isTrue();
        assertThat(validator.check("src/m.mjs", "export const a = 1;\n".getBytes()).valid())
                .as("an ES module").isTrue();
        assertThat(validator.check("src/m.js", "import x from 'y';\nexport default x;\n".getBytes()).valid())
                .as("a .js file with import lines is parsed as a module").isTrue();
    }

    @Test
    void should_give_each_of_many_concurrent_checks_its_own_answer() throws Exception {
        ExternalCheck node = ExternalCheck.find("node", 60_000);
        assumeTrue(node != null, "node is not on the PATH");
        FileValidator validator = new FileValidator(node, null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<FileCheck>> checks = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                // every third source is broken on its own line i + 1, so a mixed-up answer shows
                String source = "\n".repeat(i) + (i % 3 == 0 ? "const x = {;" : "const x = " + i + ";");
                checks.add(pool.submit(() -> validator.check("f.js", source.getBytes(StandardCharsets.UTF_8))));
            }
            for (int i = 0; i < 64; i++) {
                FileCheck c = checks.get(i).get();
                assertThat(c.valid()).as("source %d", i).isEqualTo(i % 3 != 0);
                if (i % 3 == 0) {
                    assertThat(c.problem()).startsWith("line " + (i + 1) + ": SyntaxError");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(validator.check("bin/cli.js", "#!/usr/bin/env node\nconsole.log(1);\n".getBytes()).valid())
                .as("a hashbang line").isTrue();
        assertThat(validator.check("m.mjs", "export default {;\n".getBytes()).valid()).as("a broken module").isFalse();
    }

    @Test
    void should_fail_go_that_gofmt_would_change() {
        ExternalCheck gofmt = ExternalCheck.find("gofmt", 60_000);
        assumeTrue(gofmt != null, "gofmt is not on the PATH");
        FileValidator validator = new FileValidator(null, gofmt);

        assertThat(validator.check("a.go", "package a\n\nfunc f() {}\n".getBytes()).valid()).isTrue();
        FileCheck unformatted = validator.check("a.go", "package a\nfunc f() {  x := 1\n_ = x }\n".getBytes());
        assertThat(unformatted.valid()).isFalse();
        assertThat(unformatted.problem()).contains("gofmt");
        FileCheck syntax = validator.check("a.go", "package a\nfunc f() { x := }\n".getBytes());
        assertThat(syntax.valid()).isFalse();
        assertThat(syntax.problem()).startsWith("line 2, column");
    }
}
