package clinicreader.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Reads article files defensively: regular files only, a size limit, no binaries. */
public final class ArticleFiles {
  /** The default largest article, in bytes (8 MB). */
  public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

  private ArticleFiles() {}

  /** Reads a whole article file, refusing what is not a readable text article. */
  public static byte[] read(Path file, long maxBytes) throws ContentException {
    return read(file, maxBytes, null);
  }

  /**
   * {@link #read(Path, long)} with the file's attributes when the caller has just read them (of
   * the file itself, not a link to it), saving a second look at the file.
   */
  public static byte[] read(Path file, long maxBytes, BasicFileAttributes known) throws ContentException {
    byte[] bytes = readAny(file, maxBytes, known);
    refuseBinary(file, bytes);
    return bytes;
  }

  /** {@link #read(Path, long, BasicFileAttributes)} without the look for binary content. */
  static byte[] readAny(Path file, long maxBytes, BasicFileAttributes known) throws ContentException {
    BasicFileAttributes attrs = checked(file, maxBytes, known);
    byte[] bytes;
    // one read into an array of the size just looked up, through a channel: a stream's
    // readNBytes reads in 8 KB chunks and copies them together
    try (FileChannel ch = FileChannel.open(file)) {
      int cap = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16);
      bytes = new byte[(int) Math.min(attrs.size(), cap)];
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // until full or at the end
      }
      if (buf.hasRemaining()) {
        bytes = java.util.Arrays.copyOf(bytes, buf.position());
      } else if (bytes.length < cap) {
        // the file may have grown since its size was read: take what follows, up to the limit
        InputStream in = Channels.newInputStream(ch);
        int next = in.read();
        if (next >= 0) {
          byte[] rest = in.readNBytes(cap - bytes.length - 1);
          byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
          all[bytes.length] = (byte) next;
          System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
          bytes = all;
        }
      }
    } catch (IOException e) {
      throw ContentException.unreadable(Problem.error(file, 0, 0, "cannot read: " + e.getMessage(), "file"));
    }
    if (bytes.length > maxBytes) {
      throw ContentException.unreadable(Problem.error(file, 0, 0, "file grew over the size limit while reading; skipped", "file"));
    }
    return bytes;
  }

  /** The attributes of an article file that may be read: a regular file, not empty, within the limit. */
  private static BasicFileAttributes checked(Path file, long maxBytes, BasicFileAttributes known) throws ContentException {
    BasicFileAttributes attrs = known;
    try {
      if (attrs == null || attrs.isSymbolicLink()) attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw ContentException.unreadable(Problem.error(file, 0, 0, "no such file", "file"));
    } catch (IOException e) {
      throw ContentException.unreadable(Problem.error(file, 0, 0, "cannot read: " + e.getMessage(), "file"));
    }
    if (attrs.isDirectory()) {
      throw new ContentException(Problem.error(file, 0, 0, "is a directory, not an article; skipped", "file"));
    }
    if (!attrs.isRegularFile()) {
      throw new ContentException(Problem.error(file, 0, 0, "not a regular file; skipped", "file"));
    }
    if (attrs.size() == 0) {
      throw new ContentException(Problem.error(file, 0, 0, "empty file; skipped (add front matter and text)", "file"));
    }
    if (attrs.size() > maxBytes) {
      throw new ContentException(Problem.error(file, 0, 0, String.format(
          "%,d bytes is over the %,d-byte limit; skipped (raise it with --max-bytes)", attrs.size(), maxBytes), "file"));
    }
    return attrs;
  }

  /** A byte array kept for reading one file after another, and how much of it the last read filled. */
  static final class Buffer {
    byte[] bytes = new byte[16 * 1024];
    int length;
  }

  /**
   * Reads a file into {@code into} (grown as needed), the way {@link #readAny} does, for a scan
   * of many files: no array per file, and no read past the end to look for more when the file
   * reads as long as the walk found it. False when it changed size while being read: then it is
   * read with {@link #readAny}.
   */
  static boolean readInto(Path file, long maxBytes, BasicFileAttributes known, Buffer into) throws ContentException {
    BasicFileAttributes attrs = checked(file, maxBytes, known);
    long size = attrs.size();
    // one byte more than the size: a file that grew meanwhile fills it in the same read
    int want = (int) Math.min(size + 1, Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
    if (into.bytes.length < want) into.bytes = new byte[Math.max(want, into.bytes.length * 2)];
    try (FileChannel ch = FileChannel.open(file)) {
      ByteBuffer buf = ByteBuffer.wrap(into.bytes, 0, want);
      // a regular file reads short only at its end
      while (buf.hasRemaining() && buf.position() < size && ch.read(buf) >= 0) {
        // until the size is read, or the end
      }
      into.length = buf.position();
    } catch (IOException e) {
      throw ContentException.unreadable(Problem.error(file, 0, 0, "cannot read: " + e.getMessage(), "file"));
    }
    return into.length == size;
  }

  /** Refuses the bytes of a binary file. */
  static void refuseBinary(Path file, byte[] bytes) throws ContentException {
    if (looksBinary(bytes)) {
      throw new ContentException(Problem.error(file, 0, 0, "binary file, not Markdown text; skipped", "file"));
    }
  }

  /** NUL bytes in the first 8 KB mean binary, unless the file is UTF-16 (by its BOM). */
  static boolean looksBinary(byte[] b) {
    if (b.length >= 2 && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
      return false;
    }
    int n = Math.min(b.length, 8192);
    for (int i = 0; i < n; i++) if (b[i] == 0) return true;
    return false;
  }

  /** Whether {@code file} (resolving links) lies inside {@code root} (resolved). */
  public static boolean isInside(Path root, Path file) {
    try {
      Path r = root.toRealPath();
      Path f = file.toRealPath();
      return f.startsWith(r);
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isSymlink(Path p) {
    return Files.isSymbolicLink(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }
}
