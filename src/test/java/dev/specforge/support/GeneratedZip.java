package dev.specforge.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A generated project zip read back: entry path (without the root folder) to text. */
public record GeneratedZip(String root, Map<String, String> files) {

    /**
     * Generates a project with the real CLI ({@code specforge generate --stack S SPEC -o OUT}) and reads its zip.
     *
     * @param stack the stack
     * @param spec  the spec file
     * @param out   the output folder (the zip and the report go there)
     * @return the generated project
     * @throws IOException when the zip cannot be read
     * @throws AssertionError when the CLI exits non-zero or writes no zip
     */
    public static GeneratedZip generate(String stack, Path spec, Path out) throws IOException {
        int exit = dev.specforge.cli.SpecforgeCommand.execute("generate", "--stack", stack, spec.toString(), "-o",
                out.toString());
        if (exit != 0) {
            throw new AssertionError("specforge generate --stack " + stack + " " + spec + " exited " + exit);
        }
        try (var files = Files.list(out)) {
            return read(files.filter(f -> f.toString().endsWith(".zip")).findFirst()
                    .orElseThrow(() -> new AssertionError("no zip in " + out)));
        }
    }

    /**
     * @param zip a zip written by specforge
     * @return its entries
     */
    public static GeneratedZip read(Path zip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        String root = null;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String name = e.getName();
                int slash = name.indexOf('/');
                root = name.substring(0, slash);
                files.put(name.substring(slash + 1), new String(z.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new GeneratedZip(root, files);
    }

    /**
     * @param zip a zip
     * @return its raw entry names, in zip order
     * @throws IOException when it cannot be read
     */
    public static java.util.List<String> entryNames(Path zip) throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** @return the Java sources, path to text */
    public Map<String, String> javaSources() {
        Map<String, String> java = new TreeMap<>();
        files.forEach((k, v) -> {
            if (k.endsWith(".java")) {
                java.put(k, v);
            }
        });
        return java;
    }
}
