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
