package clinicreader.check;

import clinicreader.content.Article;
import clinicreader.content.ArticleMeta;
import clinicreader.content.Clinic;
import clinicreader.content.FrontMatter;
import clinicreader.content.Library;
import clinicreader.content.Outline;
import clinicreader.content.SourceText;
import clinicreader.layout.PageLayout;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;

/** The rules about one article: its front matter, its structure, its links and its bytes. */
final class ArticleRules {
  /** The longest summary, in characters: about what fits under a title in the library list. */
  static final int MAX_SUMMARY = 300;
  /** Beyond this many encoding findings in one file, one line says how many more there are. */
  static final int MAX_ENCODING_FINDINGS = 10;
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern TODO = Pattern.compile("\\bTODO\\b");

  /** What the rules need to know beyond the article itself. */
  record Context(Library library, Clinic clinic, boolean clinicExists, Function<ArticleMeta, Outline> outlines) {}

  private final Article article;
  private final Path file;
  private final Context ctx;
  private final Findings out;
  private final SourceMap map;

  private ArticleRules(Article article, Context ctx, Findings out) {
    this.article = article;
    this.file = article.meta().path();
    this.ctx = ctx;
    this.out = out;
    this.map = new SourceMap(article);
  }

  /**
   * Runs the rules on a loaded article. {@code frontMatterOk}: its front matter parsed (else the
   * front matter rules are skipped, its error being reported already); {@code bodyOk}: the body
   * was split from the front matter (else the structure and link rules are skipped too).
   */
  static void check(Article article, boolean frontMatterOk, boolean bodyOk, Context ctx, Findings out) {
    ArticleRules r = new ArticleRules(article, ctx, out);
    r.encoding();
    r.placeholders();
    if (frontMatterOk) r.frontMatter();
    if (bodyOk) {
      r.headings();
      r.emptySections();
      r.sectionCount();
      r.references();
      r.links();
    }
  }

  /**
   * The file lines (0-based) inside code blocks, where a character reference is shown as it is
   * written and so is harmless.
   */
  private java.util.Set<Integer> codeBlockLines(int body) {
    java.util.Set<Integer> lines = new java.util.HashSet<>();
    article.document().accept(new AbstractVisitor() {
      @Override
      public void visit(org.commonmark.node.FencedCodeBlock code) {
        add(code);
      }

      @Override
      public void visit(org.commonmark.node.IndentedCodeBlock code) {
        add(code);
      }

      private void add(Node code) {
        for (org.commonmark.node.SourceSpan span : code.getSourceSpans()) lines.add(body + span.getLineIndex());
      }
    });
    return lines;
  }

  private void encoding() {
    List<SourceText.Issue> issues = article.source().issues();
    for (int i = 0; i < issues.size() && i < MAX_ENCODING_FINDINGS; i++) {
      SourceText.Issue is = issues.get(i);
      String what = switch (is.kind()) {
        case INVALID_UTF8 -> is.detail() + " bytes; save the file as UTF-8";
        case CONTROL_CHARACTER -> "control character " + is.detail() + "; delete it";
        case BIDI_CONTROL -> "bidirectional control character " + is.detail()
            + " can make text display in a misleading order; delete it";
      };
      out.add(Rule.ENCODING, file, is.line(), is.column(), what);
    }
    if (issues.size() > MAX_ENCODING_FINDINGS) {
      SourceText.Issue last = issues.get(MAX_ENCODING_FINDINGS);
      out.add(Rule.ENCODING, file, last.line(), last.column(),
          (issues.size() - MAX_ENCODING_FINDINGS) + " more invalid or control characters from here on");
    }
    String[] lines = map.lines();
    int body = article.bodyLine() - 1;
    List<EscapedControls.Found> escaped = new ArrayList<>(EscapedControls.yaml(lines, 0, body));
    escaped.addAll(EscapedControls.entities(lines, body, lines.length, codeBlockLines(body)));
    for (int i = 0; i < escaped.size() && i < MAX_ENCODING_FINDINGS; i++) {
      EscapedControls.Found f = escaped.get(i);
      out.add(Rule.ENCODING, file, f.line(), f.column(), f.message());
    }
    if (escaped.size() > MAX_ENCODING_FINDINGS) {
      out.add(Rule.ENCODING, file, escaped.get(MAX_ENCODING_FINDINGS).line(), 0,
          (escaped.size() - MAX_ENCODING_FINDINGS) + " more escaped control characters from here on");
    }
  }

  private void placeholders() {
    String[] lines = map.lines();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = TODO.matcher(lines[i]);
      if (m.find()) {
        out.add(Rule.PLACEHOLDER, file, i + 1, m.start() + 1, "placeholder text left in: replace the TODO");
      }
    }
  }

  // ---- front matter -------------------------------------------------------------------------

  private void frontMatter() {
    FrontMatter fm = article.meta().front();
    for (String key : fm.unknownKeys()) {
      out.add(Rule.UNKNOWN_KEY, file, fm.lineOf(key, 2), 1, "unknown front matter key \"" + key
          + "\" (known: " + String.join(", ", FrontMatter.KNOWN_KEYS) + ")");
    }
    if (fm.summary() == null || fm.summary().isBlank()) {
      int line = fm.lineOf("summary", 2);
      out.add(Rule.SUMMARY, file, line, fm.keyLines().containsKey("summary") ? valueColumn(map.line(line)) : 1,
          "summary: missing; add 'summary: ...', one or two sentences for the library list");
    } else {
      int len = fm.summary().strip().codePointCount(0, fm.summary().strip().length());
      if (len > MAX_SUMMARY) {
        int line = fm.lineOf("summary", 2);
        out.add(Rule.SUMMARY, file, line, valueColumn(map.line(line)),
            "summary: " + len + " characters is over " + MAX_SUMMARY + "; shorten it to one or two sentences");
      }
    }
    Library lib = ctx.library();
    for (String slug : fm.related()) {
      Optional<ArticleMeta> hit = lib.bySlug(slug);
      int[] at = inFrontMatter("related", slug);
      if (hit.isEmpty()) {
        out.add(Rule.MISSING_RELATED, file, at[0], at[1], "related article \"" + slug + "\" does not exist"
            + suggestion(slug));
      } else if (hit.get().front().draft() && !fm.draft()) {
        out.add(Rule.DRAFT_LINK, file, at[0], at[1], "related article \"" + slug
            + "\" is a draft; readers will not see it until it is published");
      }
    }
    if (fm.cta() != null && !fm.cta().isBlank()) {
      Clinic c = ctx.clinic();
      if (c != null && c.cta(fm.cta()).isEmpty()) {
        int line = fm.lineOf("cta", 2);
        List<String> ids = c.ctas().stream().map(Clinic.Cta::id).filter(java.util.Objects::nonNull).distinct().toList();
        out.add(Rule.MISSING_CTA, file, line, valueColumn(map.line(line)), "cta \"" + fm.cta() + "\" is not defined in "
            + (ctx.clinicExists() ? "clinic.json" : "clinic.json (there is no clinic.json)")
            + (ids.isEmpty() ? "" : "; defined: " + String.join(", ", ids)));
      }
    }
  }

  /** Line and column of {@code text} written under {@code key} in the front matter. */
  private int[] inFrontMatter(String key, String text) {
    int keyLine = article.meta().front().lineOf(key, 2);
    for (int l = keyLine; l < article.bodyLine() - 1; l++) {
      String s = map.line(l);
      if (l > keyLine && !s.isEmpty() && !Character.isWhitespace(s.charAt(0)) && !s.startsWith("-")) break;
      int at = s.indexOf(text, l == keyLine ? s.indexOf(':') + 1 : 0);
      if (at >= 0) return new int[] {l, at + 1};
    }
    return new int[] {keyLine, 1};
  }

  /** The column where a 'key: value' line's value starts. */
  private static int valueColumn(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) return 1;
    int i = colon + 1;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
    return i < line.length() ? i + 1 : colon + 2;
  }

  private String suggestion(String slug) {
    String tail = slug.contains("/") ? slug.substring(slug.lastIndexOf('/') + 1) : slug;
    return ctx.library().all().stream().map(ArticleMeta::slug)
        .filter(s -> s.equals(tail) || s.endsWith("/" + tail))
        .findFirst().map(s -> "; did you mean \"" + s + "\"?").orElse("");
  }

  // ---- structure ----------------------------------------------------------------------------

  private List<Heading> allHeadings() {
    List<Heading> hs = new ArrayList<>();
    article.document().accept(new AbstractVisitor() {
      @Override
      public void visit(Heading h) {
        hs.add(h);
      }
    });
    return hs;
  }

  private void headings() {
    int prev = 1;
    for (Heading h : allHeadings()) {
      if (h.getLevel() > prev + 1) {
        SourceMap.Pos p = map.start(h);
        String was = "#".repeat(prev);
        String is = "#".repeat(h.getLevel());
        out.add(Rule.HEADING_SKIP, file, p.line(), p.column(), prev == 1
            ? "first heading is " + is + "; start sections with ## (the title is the # level)"
            : "heading level skips from " + was + " to " + is + "; use " + "#".repeat(prev + 1));
      }
      prev = h.getLevel();
    }
  }

  private void emptySections() {
    for (Node n = article.document().getFirstChild(); n != null; n = n.getNext()) {
      if (!(n instanceof Heading h)) continue;
      Node next = n.getNext();
      while (next instanceof LinkReferenceDefinition) next = next.getNext();
      if (next == null || (next instanceof Heading nh && nh.getLevel() <= h.getLevel())) {
        SourceMap.Pos p = map.start(h);
        out.add(Rule.EMPTY_SECTION, file, p.line(), p.column(), "section \"" + Outline.plainText(h)
            + "\" is empty: write something under it or remove the heading");
      }
    }
  }

  private void sectionCount() {
    int n = article.outline().topLevelCount();
    if (n >= 2) return;
    List<Heading> hs = allHeadings();
    SourceMap.Pos p = hs.isEmpty() ? new SourceMap.Pos(article.bodyLine(), 0) : map.start(hs.get(0));
    out.add(Rule.FEW_SECTIONS, file, p.line(), p.column(), (n == 0 ? "no sections" : "only one section")
        + ": readers get no contents; divide the article with at least two ## headings");
  }

  private void references() {
    for (Heading h : allHeadings()) {
      if (h.getLevel() <= 2 && PageLayout.isReferencesTitle(Outline.plainText(h))) return;
    }
    out.add(Rule.NO_REFERENCES, file, 0, 0, "no References section: add '## References' listing the sources");
  }

  // ---- links --------------------------------------------------------------------------------

  private void links() {
    List<Node> found = new ArrayList<>();
    List<LinkReferenceDefinition> defs = new ArrayList<>();
    article.document().accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        found.add(link);
        visitChildren(link);
      }

      @Override
      public void visit(Image image) {
        found.add(image);
        visitChildren(image);
      }

      @Override
      public void visit(LinkReferenceDefinition d) {
        defs.add(d);
      }
    });
    for (Node n : found) {
      String dest = n instanceof Link l ? l.getDestination() : ((Image) n).getDestination();
      dest = dest == null ? "" : dest;
      SourceMap.Pos at = locate(n, dest, defs);
      if (n instanceof Image img) {
        if (Outline.plainText(img).isBlank()) {
          out.add(Rule.IMAGE_ALT, file, at.line(), at.column(),
              "image \"" + clean(dest) + "\" has no alt text: describe it between the brackets, ![like this](...)");
        }
        if (!dest.isEmpty() && isLocal(dest)) localFile(dest, at, "image");
      } else {
        link(dest, at);
      }
    }
  }

  /** Where a link's destination is written: in its paragraph, else in its reference definition. */
  private SourceMap.Pos locate(Node n, String dest, List<LinkReferenceDefinition> defs) {
    // "](dest" first: the same text may also appear earlier in the paragraph as plain words
    for (String before : List.of("](", "](<", "]( ")) {
      if (!dest.isEmpty() && map.contains(n, before + dest)) return map.find(n, before + dest, before.length());
    }
    if (dest.isEmpty() || map.contains(n, dest)) return map.find(n, dest);
    for (LinkReferenceDefinition d : defs) {
      if (dest.equals(d.getDestination())) return map.find(d, dest);
    }
    return map.find(n, "](");
  }

  private static boolean isLocal(String dest) {
    return !SCHEME.matcher(dest).find() && !dest.startsWith("//");
  }

  private void link(String dest, SourceMap.Pos at) {
    if (dest.isBlank()) {
      out.add(Rule.BROKEN_LINK, file, at.line(), at.column(), "link has no target: write one between the ( )");
      return;
    }
    if (!isLocal(dest)) return;
    if (dest.startsWith("#")) {
      anchor(article.outline(), decode(dest.substring(1)), null, at);
      return;
    }
    int hash = dest.indexOf('#');
    String target = hash < 0 ? dest : dest.substring(0, hash);
    String anchor = hash < 0 ? null : decode(dest.substring(hash + 1));
    if (target.startsWith("/")) {
      out.add(Rule.OUTSIDE_LINK, file, at.line(), at.column(), "link to \"" + clean(target)
          + "\" is an absolute path outside the articles directory; link to articles by relative path or slug");
      return;
    }
    String path = decode(target);
    String name = path.contains("/") ? path.substring(path.lastIndexOf('/') + 1) : path;
    if (name.contains(".") && !name.endsWith(".md")) {
      localFile(path, at, "file");
      return;
    }
    Library lib = ctx.library();
    ArticleMeta from = article.meta();
    Optional<ArticleMeta> hit = lib.resolveLink(from, path);
    if (hit.isEmpty()) {
      Path candidate = base().resolve(path.endsWith(".md") ? path : path + ".md").normalize();
      if (!candidate.startsWith(lib.root())) {
        out.add(Rule.OUTSIDE_LINK, file, at.line(), at.column(), "link to \"" + clean(target)
            + "\" points outside the articles directory");
      } else if (!Files.isRegularFile(candidate)) {
        out.add(Rule.BROKEN_LINK, file, at.line(), at.column(), "link to missing article \""
            + clean(stripMd(target)) + "\"" + suggestion(stripMd(path)));
      }
      // an existing file the library skipped has its own error; its anchors cannot be checked
      return;
    }
    ArticleMeta to = hit.get();
    if (to.front().draft() && !from.front().draft()) {
      out.add(Rule.DRAFT_LINK, file, at.line(), at.column(), "link to \"" + to.slug()
          + "\", a draft; readers cannot follow it until it is published");
    }
    if (anchor != null) {
      Outline o = to.path().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())
          ? article.outline() : ctx.outlines().apply(to);
      if (o != null) anchor(o, anchor, to, at);
    }
  }

  private void anchor(Outline outline, String anchor, ArticleMeta in, SourceMap.Pos at) {
    if (anchor.isEmpty() || outline.indexOfAnchor(anchor) >= 0) return;
    List<String> known = outline.sections().stream().map(Outline.Section::anchor).toList();
    String close = known.stream().filter(k -> k.startsWith(anchor) || anchor.startsWith(k) || distance(k, anchor) <= 2)
        .findFirst().map(k -> "; did you mean \"#" + k + "\"?").orElse("");
    out.add(Rule.BROKEN_ANCHOR, file, at.line(), at.column(), "no section \"#" + clean(anchor) + "\" in "
        + (in == null ? "this article" : "\"" + in.slug() + "\"") + close);
  }

  private void localFile(String path, SourceMap.Pos at, String what) {
    int cut = path.indexOf('#');
    String p = decode(cut < 0 ? path : path.substring(0, cut));
    if (p.startsWith("/")) {
      out.add(Rule.OUTSIDE_LINK, file, at.line(), at.column(), what + " \"" + clean(p)
          + "\" is an absolute path outside the articles directory; use a relative path");
      return;
    }
    Path f = base().resolve(p).normalize();
    if (!f.startsWith(ctx.library().root())) {
      out.add(Rule.OUTSIDE_LINK, file, at.line(), at.column(), what + " \"" + clean(p)
          + "\" is outside the articles directory");
    } else if (!Files.exists(f)) {
      out.add(Rule.BROKEN_LINK, file, at.line(), at.column(), what + " \"" + clean(p) + "\" does not exist");
    }
  }

  private Path base() {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? ctx.library().root() : parent;
  }

  /** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2) return 3;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String decode(String s) {
    if (!s.contains("%")) return s;
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String stripMd(String s) {
    return s.endsWith(".md") ? s.substring(0, s.length() - 3) : s;
  }

  private static String clean(String s) {
    return clinicreader.content.Text.cleanLine(s);
  }
}
