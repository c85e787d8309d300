package dev.specforge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds multi-file spec zips for tests, the way users make them. */
public final class Zips {

    private Zips() {
    }

    /**
     * @param entries entry name to content, written in the map's order (names are written as given, even hostile
     *                ones such as {@code ../x})
     * @return the zip's bytes
     */
    public static byte[] of(Map<String, byte[]> entries) throws IOException {
        return of(entries, 0);
    }

    /**
     * @param entries    entry name to content, written in the map's order
     * @param paddingMiB when not 0, one more entry {@code padding.json} of that many MiB of spaces (it compresses
     *                   about a thousandfold: a zip bomb)
     * @return the zip's bytes
     */
    public static byte[] of(Map<String, byte[]> entries, int paddingMiB) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
            if (paddingMiB > 0) {
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                out.putNextEntry(new ZipEntry("padding.json"));
                for (int i = 0; i < paddingMiB; i++) {
                    out.write(spaces);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Zips a folder tree with paths relative to it, as zipping a spec folder does.
     *
     * @param dir the folder
     * @param zip the zip file to write
     */
    public static void tree(Path dir, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
