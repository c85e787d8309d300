package dev.specforge.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Removes what a crash (kill -9, power loss) leaves behind, once, when specforge starts: temporary files of
 * interrupted writes ({@code .<name>.part} from the outbox and dead-letter producers, {@code .<name>.<uuid>.part}
 * from {@code AtomicFiles}) in the outbox, dead-letter and cache folders, and every zip left in the work folder.
 * Only names specforge itself creates are touched; nothing outside the given folders. Camel's file consumer removes
 * its own orphaned {@code .camelLock} files in the inbox ({@code readLockDeleteOrphanLockFiles}, on by default).
 */
public final class StaleFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StaleFiles.class);
    /** The temporary names of the outbox producer ({@code tempFileName=.${file:name}.part}) and of AtomicFiles. */
    static final Pattern TEMP = Pattern.compile("\\..+\\.part");

    private StaleFiles() {
    }

    /**
     * @param workDir  the work folder ({@code specforge.work.dir}): emptied of files
     * @param cacheDir the cache folder, searched recursively for temporary {@code .*.part} files
     * @param flatDirs folders whose own temporary {@code .*.part} files are removed (not their sub-folders): the
     *                 outbox and the dead letter
     * @return the number of files removed
     */
    public static int clean(Path workDir, Path cacheDir, Path... flatDirs) {
        int removed = deleteFiles(workDir, Integer.MAX_VALUE, (f, attrs) -> true);
        removed += deleteFiles(cacheDir, Integer.MAX_VALUE, (f, attrs) -> temporary(f));
        for (Path dir : flatDirs) {
            removed += deleteFiles(dir, 1, (f, attrs) -> temporary(f));
        }
        if (removed > 0) {
            LOG.info("removed {} temporary files left by an earlier run that did not finish", removed);
        }
        return removed;
    }

    private static boolean temporary(Path file) {
        return TEMP.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Deletes the regular files under a folder that match; problems are logged, never thrown.
     *
     * @param dir   the folder (absent is fine)
     * @param depth how deep to go (1: the folder's own files)
     * @param match which files to delete
     * @return the number of files deleted
     */
    static int deleteFiles(Path dir, int depth, BiPredicate<Path, BasicFileAttributes> match) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int[] removed = {0};
        try {
            Files.walkFileTree(dir, java.util.Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && match.test(file, attrs)) {
                        try {
                            if (Files.deleteIfExists(file)) {
                                removed[0]++;
                            }
                        } catch (IOException e) {
                            LOG.warn("cannot remove {}: {}", file, e.getMessage());
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot clean {}: {}", dir, e.getMessage());
        }
        return removed[0];
    }
}
