package dev.llmbench.core.internal;

import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader (or a process killed mid-write) sees either the old content or
 * the new, never a torn file: write a temporary file in the same directory, force it to disk,
 * rename it over the target.
 *
 * <p><b>Not API.</b> Stateless and thread-safe (concurrent writers of one target: last one wins).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code content} as UTF-8 to {@code target} atomically. */
    public static void write(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            // A FileOutputStream, not a FileChannel: an interrupt must not close the file mid-write.
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.getFD().sync();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
