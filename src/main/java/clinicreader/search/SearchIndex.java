package clinicreader.search;

import clinicreader.content.ArticleFiles;
import clinicreader.content.ArticleMeta;
import clinicreader.content.ContentException;
import clinicreader.content.FrontMatterParser;
import clinicreader.content.Library;
import clinicreader.content.SourceText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * The library's words in memory, for search as you type. Built once: every article's title,
 * tags, summary and body text (from a light scan, without parsing Markdown) become an inverted
 * index from folded word to the articles holding it, with the fields, count and first body
 * position per article. A query then only walks the postings of the words that start with each
 * query word, so a keystroke costs the same whether the library has ten articles or ten
 * thousand.
 *
 * <p>Matching: case- and accent-insensitive; every query word must start a word somewhere in the
 * article (title, tags, summary or body). Ranking: articles with more query words in the title
 * first, then in the tags, then in the summary; then more matches; then the earlier first body
 * match; then the newer article.
 */
public final class SearchIndex {
  private static final int COUNT_MAX = 0xFF;

  private final List<Doc> docs;
  private final String[] vocab;
  private final int[][] postingDocs;
  private final int[][] postingData;
  private final Map<String, int[][]> merged;
  private final Excerpts excerpts;

  private SearchIndex(List<Doc> docs, String[] vocab, int[][] postingDocs, int[][] postingData, long maxBytes) {
    this.docs = docs;
    this.vocab = vocab;
    this.postingDocs = postingDocs;
    this.postingData = postingData;
    this.merged = mergeShortPrefixes();
    this.excerpts = new Excerpts(maxBytes);
  }

  /**
   * The first keystrokes match the most words ("k" starts thousands): for one- and two-character
   * prefixes whose words have more postings than there are articles, keeps one posting list
   * merged in advance, so a query never walks more than one entry per article for them.
   */
  private Map<String, int[][]> mergeShortPrefixes() {
    Map<String, int[][]> out = new HashMap<>();
    int n = docs.size();
    for (int len = 1; len <= 2; len++) {
      int r = 0;
      while (r < vocab.length) {
        if (vocab[r].length() < len) {
          r++;
          continue;
        }
        String prefix = vocab[r].substring(0, len);
        int end = r;
        long cost = 0;
        while (end < vocab.length && vocab[end].startsWith(prefix)) cost += postingDocs[end++].length;
        if (cost > n) out.put(prefix, merge(r, end));
        r = end;
      }
    }
    return out;
  }

  private int[][] merge(int from, int to) {
    int n = docs.size();
    int[] m = new int[n];
    int[] c = new int[n];
    int[] f = new int[n];
    java.util.Arrays.fill(f, Hit.NO_POSITION);
    boolean[] seen = new boolean[n];
    int count = 0;
    for (int r = from; r < to; r++) {
      int[] pd = postingDocs[r];
      int[] data = postingData[r];
      for (int k = 0; k < pd.length; k++) {
        int d = pd[k];
        int v = data[k];
        if (!seen[d]) {
          seen[d] = true;
          count++;
        }
        m[d] |= v >>> 28;
        c[d] = Math.min(COUNT_MAX, c[d] + ((v >>> 20) & COUNT_MAX));
        f[d] = Math.min(f[d], v & Hit.NO_POSITION);
      }
    }
    int[] ds = new int[count];
    int[] data = new int[count];
    int k = 0;
    for (int d = 0; d < n; d++) {
      if (!seen[d]) continue;
      ds[k] = d;
      data[k] = pack(new int[] {m[d], c[d], f[d]});
      k++;
    }
    return new int[][] {ds, data};
  }

  /** The posting lists to walk for one query word: a merged one, or those of its vocabulary range. */
  private List<int[][]> postings(String word) {
    int[][] m = word.length() <= 2 ? merged.get(word) : null;
    if (m != null) return java.util.Collections.singletonList(m);
    int from = lowerBound(word);
    int to = lowerBound(word + Character.MAX_VALUE);
    List<int[][]> out = new ArrayList<>(to - from);
    for (int r = from; r < to; r++) out.add(new int[][] {postingDocs[r], postingData[r]});
    return out;
  }

  /** Indexes the library's articles (drafts only when asked for), reading their bodies in parallel. */
  public static SearchIndex build(Library library, boolean drafts) {
    List<Doc> docs = new ArrayList<>();
    for (ArticleMeta m : library.visible(drafts)) {
      docs.add(new Doc(m.slug(), m.path(), m.title(), m.front().date(), m.front().draft(), m.front().tags(),
          m.front().summary()));
    }
    long maxBytes = library.maxBytes();
    return build(docs, i -> body(docs.get(i), maxBytes), maxBytes);
  }

  /** Reads the body of an indexed article; an unreadable one is indexed by its front matter only. */
  private static String body(Doc d, long maxBytes) {
    try {
      String text = SourceText.decode(ArticleFiles.read(d.path(), maxBytes)).text();
      return FrontMatterParser.split(d.path(), text).body();
    } catch (ContentException e) {
      return "";
    }
  }

  /** Builds the index of {@code docs}, whose bodies {@code bodies} supplies (called in parallel). */
  static SearchIndex build(List<Doc> docs, java.util.function.IntFunction<String> bodies, long maxBytes) {
    int n = docs.size();
    ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>(1 << 16);
    java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
    int[][] docWords = new int[n][];
    int[][] docData = new int[n][];
    IntStream.range(0, n).parallel().forEach(d -> {
      Map<String, int[]> local = new HashMap<>(2048);
      docs.get(d).words(bodies.apply(d), (buf, len, field, pos) -> {
        int[] s = local.computeIfAbsent(new String(buf, 0, len), k -> new int[] {0, 0, Hit.NO_POSITION});
        s[0] |= field.bit();
        s[1]++;
        if (pos >= 0 && pos < s[2]) s[2] = pos;
      });
      int[] w = new int[local.size()];
      int[] data = new int[local.size()];
      int k = 0;
      for (Map.Entry<String, int[]> e : local.entrySet()) {
        Integer id = ids.get(e.getKey());
        if (id == null) id = ids.computeIfAbsent(e.getKey(), x -> counter.getAndIncrement());
        w[k] = id;
        data[k] = pack(e.getValue());
        k++;
      }
      docWords[d] = w;
      docData[d] = data;
    });
    String[] byId = new String[ids.size()];
    ids.forEach((w, id) -> byId[id] = w);
    Integer[] order = new Integer[byId.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> byId[a].compareTo(byId[b]));
    int[] rank = new int[byId.length];
    String[] vocab = new String[byId.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
      vocab[r] = byId[order[r]];
    }
    int[] sizes = new int[vocab.length];
    for (int[] w : docWords) for (int id : w) sizes[rank[id]]++;
    int[][] pd = new int[vocab.length][];
    int[][] pdata = new int[vocab.length][];
    for (int r = 0; r < vocab.length; r++) {
      pd[r] = new int[sizes[r]];
      pdata[r] = new int[sizes[r]];
    }
    int[] fill = new int[vocab.length];
    for (int d = 0; d < n; d++) {
      int[] w = docWords[d];
      for (int k = 0; k < w.length; k++) {
        int r = rank[w[k]];
        pd[r][fill[r]] = d;
        pdata[r][fill[r]] = docData[d][k];
        fill[r]++;
      }
      docWords[d] = null;
      docData[d] = null;
    }
    return new SearchIndex(List.copyOf(docs), vocab, pd, pdata, maxBytes);
  }

  /** Field mask (4 bits), count (8 bits, saturating) and first body position (20 bits) in one int. */
  private static int pack(int[] s) {
    return (s[0] & 0xF) << 28 | Math.min(s[1], COUNT_MAX) << 20 | Math.min(s[2], Hit.NO_POSITION);
  }

  /** How many articles are indexed. */
  public int size() {
    return docs.size();
  }

  /** How many different words are indexed. */
  public int words() {
    return vocab.length;
  }

  /** Every article matching {@code text}, best first; empty for a query without words. */
  public List<Result> query(String text) {
    return query(Query.parse(text));
  }

  /** Every article matching the query, best first. */
  public List<Result> query(Query q) {
    int n = docs.size();
    int words = q.words().size();
    if (words == 0 || n == 0) return List.of();
    int[][] masks = new int[words][];
    int[][] counts = new int[words][];
    int[][] firsts = new int[words][];
    // the rarest word first: later words only need to look at articles still in the running
    Integer[] byCost = new Integer[words];
    long[] cost = new long[words];
    List<List<int[][]>> lists = new ArrayList<>(words);
    for (int i = 0; i < words; i++) {
      byCost[i] = i;
      lists.add(postings(q.words().get(i)));
      for (int[][] p : lists.get(i)) cost[i] += p[0].length;
      if (cost[i] == 0) return List.of();
    }
    Arrays.sort(byCost, (a, b) -> Long.compare(cost[a], cost[b]));
    int[] alive = new int[n];
    int generation = 0;
    for (int step = 0; step < words; step++) {
      int i = byCost[step];
      int[] m = new int[n];
      int[] c = new int[n];
      int[] f = new int[n];
      int next = generation + 1;
      for (int[][] p : lists.get(i)) {
        int[] pd = p[0];
        int[] data = p[1];
        for (int k = 0; k < pd.length; k++) {
          int d = pd[k];
          if (alive[d] < generation) continue;
          int v = data[k];
          if (alive[d] == generation) {
            alive[d] = next;
            f[d] = Hit.NO_POSITION;
          }
          m[d] |= v >>> 28;
          c[d] = Math.min(COUNT_MAX, c[d] + ((v >>> 20) & COUNT_MAX));
          f[d] = Math.min(f[d], v & Hit.NO_POSITION);
        }
      }
      generation = next;
      masks[i] = m;
      counts[i] = c;
      firsts[i] = f;
    }
    List<Hit> hits = new ArrayList<>();
    int[] wm = new int[words];
    int[] wc = new int[words];
    int[] wf = new int[words];
    for (int d = 0; d < n; d++) {
      if (alive[d] != generation) continue;
      for (int i = 0; i < words; i++) {
        wm[i] = masks[i][d];
        wc[i] = counts[i][d];
        wf[i] = firsts[i][d];
      }
      Hit h = Hit.of(d, words, wm, wc, wf);
      if (h != null) hits.add(h);
    }
    hits.sort(Hit.order(docs));
    List<Result> out = new ArrayList<>(hits.size());
    for (Hit h : hits) out.add(new Result(docs.get(h.doc()), q, h, excerpts));
    return out;
  }

  private int lowerBound(String key) {
    int lo = 0;
    int hi = vocab.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (vocab[mid].compareTo(key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
