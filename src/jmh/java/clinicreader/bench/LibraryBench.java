package clinicreader.bench;

import clinicreader.content.ArticleFiles;
import clinicreader.content.ContentException;
import clinicreader.content.IndexStore;
import clinicreader.content.Library;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Opening the 10,000-article library: every front matter read, and through a warm index cache. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LibraryBench {
  @Param("bench/corpus")
  public String corpus;

  private Path library;
  private IndexStore store;

  @Setup
  public void prepare() throws IOException, ContentException {
    library = Path.of(corpus, "library");
    store = new IndexStore(Files.createTempDirectory("clinic-reader-jmh-cache"));
    Library.open(library, ArticleFiles.DEFAULT_MAX_BYTES, store);
  }

  @Benchmark
  public Library openLibrary10kNoCache() throws ContentException {
    return Library.open(library, ArticleFiles.DEFAULT_MAX_BYTES);
  }

  @Benchmark
  public Library openLibrary10kCached() throws ContentException {
    return Library.open(library, ArticleFiles.DEFAULT_MAX_BYTES, store);
  }
}
