package clinicreader.content;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing cache files: into a temporary file beside the target, then renamed over it, so a
 * reader never sees half a cache. A cache that cannot be written only costs speed, so failures
 * are swallowed and reported as {@code false}.
 */
public final class CacheFiles {
  private CacheFiles() {}

  /** What writes a cache's bytes. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code b[from, to)} in pieces of 64 KB: a file stream copies each write into memory
   * of its own outside the heap, taken fresh (and its pages touched) for a large one.
   */
  public static void write(OutputStream out, byte[] b, int from, int to) throws IOException {
    for (int at = from; at < to; ) {
      int n = Math.min(CHUNK, to - at);
      out.write(b, at, n);
      at += n;
    }
  }

  private static final int CHUNK = 1 << 16;

  /**
   * A cache file's name part for a text (a library folder's path): 64-bit FNV-1a of its UTF-8
   * bytes, as 16 hex digits. Not a digest: each store checks inside its file what the file is
   * for, so a collision is only a miss; and a message digest initialises the security
   * providers, some 20 ms of a short command.
   */
  public static String nameHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= x & 0xFF;
      h *= 0x100000001b3L;
    }
    String hex = Long.toHexString(h);
    return "0000000000000000".substring(hex.length()) + hex;
  }

  private static final java.util.Set<java.nio.file.OpenOption> NEW =
      java.util.Set.of(java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
  /** Cache files are the user's own, as a temporary file is made. */
  private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
      java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

  /** Replaces {@code target} with what {@code body} writes; false when anything failed. */
  public static boolean replace(Path target, String tempPrefix, Body body) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      OutputStream os = null;
      // a name of our own: Files.createTempFile draws it from a SecureRandom, whose seeding
      // took some 15 ms of a first list
      for (int tries = 0; os == null; tries++) {
        tmp = dir.resolve(tempPrefix + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
          os = java.nio.channels.Channels.newOutputStream(Files.newByteChannel(tmp, NEW, OWNER_ONLY));
        } catch (java.nio.file.FileAlreadyExistsException e) {
          tmp = null;
          if (tries == 8) throw e;
        }
      }
      try (OutputStream out = os) {
        body.write(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
    }
  }
}
