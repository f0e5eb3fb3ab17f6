package clinicreader.bench;

import clinicreader.content.Article;
import clinicreader.content.ArticleFiles;
import clinicreader.content.Clinic;
import clinicreader.content.ContentException;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import clinicreader.layout.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Laying out the 4 MB benchmark article (2000 sections) at width 200: the whole page. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LayoutBench {
  /** The corpus made by bench/CorpusGen.java. */
  @Param("bench/corpus")
  public String corpus;

  private PageLayout.Input input;

  @Setup
  public void load() throws ContentException {
    Path big = Path.of(corpus, "big", "big.md");
    Article a = Article.load(big, "big", ArticleFiles.DEFAULT_MAX_BYTES).article();
    input = new PageLayout.Input(a, Clinic.defaults(), List.of());
  }

  @Benchmark
  public Page layoutBig4MbWidth200() {
    return PageLayout.layout(input, 200, Theme.dark());
  }
}
