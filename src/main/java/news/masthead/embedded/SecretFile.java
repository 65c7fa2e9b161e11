package news.masthead.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A generated secret kept in a file of the data directory: readable by its owner only from the moment it
 * exists (written to a 0600 temporary file in the same directory, forced to disk, then renamed atomically),
 * so a crash leaves either no file or the whole secret, never an empty or world-readable one.
 */
final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {}

    /** The secret in {@code file}; a missing or blank file gets a new one: {@code prefix} + 32 random bytes, base64url. */
    static String readOrCreate(Path file, String prefix) {
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file).trim();
                if (!secret.isEmpty()) {
                    return secret;
                }
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            write(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file.toAbsolutePath(), e);
        }
    }

    /** Replaces {@code file} atomically with {@code content}, owner-only from the start. */
    static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = file.getFileName().toString();
        deleteLeftovers(dir, name);
        Path tmp = Files.createTempFile(dir, "." + name + "-", ".tmp", ownerOnly(dir));
        try {
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** rw------- where the file system has POSIX permissions; elsewhere (Windows) the user's default ACL applies. */
    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        };
    }

    /** Temporary files of a write interrupted by a crash. */
    private static void deleteLeftovers(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "." + name + "-*.tmp")) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }
}
