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

  /** A cache file not read or written for this long is deleted the next time a cache is written. */
  static final long UNUSED_MILLIS = 30L * 24 * 60 * 60 * 1000;
  /** A temporary file this old was left by a process that was stopped while writing it. */
  static final long ABANDONED_MILLIS = 24L * 60 * 60 * 1000;
  /** Once per process is enough: the folder changes slowly. */
  private static volatile boolean pruned;

  /**
   * Deletes this program's cache files in {@code dir} that have not been used for
   * {@link #UNUSED_MILLIS}, and abandoned temporary files, except {@code keep}. Each library
   * folder ever opened (and each older file format) leaves files of its own, which would
   * otherwise stay forever. "Used" is the later of the last access and the last change: where
   * the file system does not record reads, a cache in daily use is made anew once a month.
   */
  static void prune(Path dir, Path keep, long now) {
    try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        String name = p.getFileName().toString();
        if (!name.startsWith("index-") && !name.startsWith("list-") && !name.startsWith("words-")) continue;
        boolean temporary = name.endsWith(".tmp");
        if (!temporary && !name.endsWith(".bin") || p.equals(keep)) continue;
        try {
          java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
              java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
          long used = Math.max(a.lastAccessTime().toMillis(), a.lastModifiedTime().toMillis());
          if (a.isRegularFile() && now - used > (temporary ? ABANDONED_MILLIS : UNUSED_MILLIS)) Files.deleteIfExists(p);
        } catch (IOException e) {
          // gone already, or not ours to delete: leave it
        }
      }
    } catch (IOException | RuntimeException e) {
      // pruning only saves disk space
    }
  }

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
      if (!pruned) {
        pruned = true;
        prune(dir, target.toAbsolutePath(), System.currentTimeMillis());
      }
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
