package dev.specforge.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The folders that ship inside specforge's jar under {@code specforge/} on the classpath (the default
 * {@code config/}, {@code routes/}, {@code templates/} and {@code examples/}, copied there by the build), as
 * {@link Path}s: a plain folder when the classes run from {@code target/classes}, a folder of a zip file system when
 * they run from the jar. Read-only in both cases.
 */
public final class BuiltinFolder {

    /** Classpath prefix of the built-in folders. */
    public static final String PREFIX = "specforge/";

    /** A file every build puts there, used to find the others. */
    private static final String MARKER = PREFIX + "config/application.properties";

    private BuiltinFolder() {
    }

    /**
     * @param name a folder name under {@code specforge/}, e.g. {@code templates}
     * @return the folder, or empty when this build carries no such folder (or no built-in folders at all)
     * @throws UncheckedIOException when the jar cannot be opened as a zip file system
     */
    public static Optional<Path> of(String name) {
        URL marker = BuiltinFolder.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            return Optional.empty();
        }
        Path folder = base(marker).resolve(name);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** @return the {@code specforge/} folder that holds the marker file */
    private static Path base(URL marker) {
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                String spec = uri.toString();
                URI jar = URI.create(spec.substring(0, spec.indexOf("!/")));
                return zipFileSystem(jar).getPath("/" + PREFIX);
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable class path URL " + marker, e);
        }
    }

    private static FileSystem zipFileSystem(URI jar) {
        try {
            return FileSystems.newFileSystem(jar, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + jar + " to read the built-in folders", e);
        }
    }
}
