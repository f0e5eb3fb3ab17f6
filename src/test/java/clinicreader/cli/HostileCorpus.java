package clinicreader.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A corpus of hostile article folders, one per attack: escape sequences, control and bidi
 * characters, odd encodings, files that are not articles, front matter attacks, deep and huge
 * structure, and paths that try to leave the articles directory. Each case writes its own
 * articles directory (big and binary files are generated here, never checked in) and says what
 * each kind of command must report about it. {@link HostileCorpusTest} runs every case through
 * every command template; new commands only need a template there and, where a case expects a
 * specific message from them, a {@link Case#expect} entry here.
 */
final class HostileCorpus {
  private HostileCorpus() {}

  /** The commands a case can state expectations for. */
  enum Kind { RENDER, LIST, CONTACT, SEARCH, CHECK }

  /** Writes a case's files into its (empty) articles directory; returns the file the case is about. */
  @FunctionalInterface
  interface Setup {
    Path write(Path articles) throws IOException;
  }

  /** A message some commands must print on stderr: names the file, optionally with line:col. */
  record Message(Set<Kind> kinds, String fragment, boolean located) {}

  /** A marker that only files outside the articles directory hold; it must never be printed. */
  static final String SECRET = "OUTSIDE-SECRET-7f3a";

  /** One hostile case. Build with {@link #of} and the fluent methods. */
  static final class Case {
    final String name;
    final Setup setup;
    int renderExit;
    boolean renderBySlug;
    boolean listed = true;
    final List<Message> messages = new ArrayList<>();
    final List<String> extraArgs = new ArrayList<>();
    final List<String> shown = new ArrayList<>();
    boolean ownClinic;
    String target;
    String query;

    private Case(String name, Setup setup) {
      this.name = name;
      this.setup = setup;
    }

    static Case of(String name, Setup setup) {
      return new Case(name, setup);
    }

    /** The exit code {@code render} must return (default 0). */
    Case render(int exit) {
      this.renderExit = exit;
      return this;
    }

    /** Render by slug instead of by file path. */
    Case bySlug() {
      this.renderBySlug = true;
      return this;
    }

    /** The article is not in the library (skipped with a message). */
    Case unlisted() {
      this.listed = false;
      return this;
    }

    /** The commands of {@code kinds} must print a line naming the file and holding {@code fragment}. */
    Case expect(String fragment, boolean located, Kind... kinds) {
      messages.add(new Message(EnumSet.copyOf(Arrays.asList(kinds)), fragment, located));
      return this;
    }

    /** Extra options passed to every command. */
    Case args(String... args) {
      extraArgs.addAll(List.of(args));
      return this;
    }

    /** Text that render's output must contain (the content survived, neutralised). */
    Case shows(String... text) {
      shown.addAll(List.of(text));
      return this;
    }

    /** What render is given, relative to the articles directory (default: the case's file). */
    Case target(String relative) {
      this.target = relative;
      return this;
    }

    /** The case writes its own clinic.json (else a plain one is written). */
    Case ownClinic() {
      this.ownClinic = true;
      return this;
    }

    /** A word search must find the case's article by (default: the first word of {@link #shows}). */
    Case query(String word) {
      this.query = word;
      return this;
    }

    /** Whether search must find the case's article (it is listed and has a query word). */
    boolean findable() {
      return listed && HostileCorpus.query(this) != null && !HostileCorpus.query(this).equals(FALLBACK_QUERY);
    }

    /** Messages for one kind of command. */
    List<Message> messages(Kind kind) {
      return messages.stream().filter(m -> m.kinds().contains(kind)).toList();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The query for cases with nothing to find. */
  static final String FALLBACK_QUERY = "body";

  /** The word search looks for in a case. */
  static String query(Case c) {
    if (c.query != null) return c.query;
    for (String s : c.shown) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\p{L}{3,}").matcher(s);
      if (m.find()) return m.group();
    }
    return FALLBACK_QUERY;
  }

  static final String CLINIC = "{\"name\": \"Example Clinic\", \"phone\": \"555-0100\", \"email\": \"care@example.org\"}\n";

  static String fm(String title) {
    return "---\ntitle: " + title + "\ndate: 2024-05-01\ntags: [test]\n---\n";
  }

  static Path md(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  static Path bytes(Path dir, String name, byte[] b) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.write(f, b);
    return f;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) o.writeBytes(p);
    return o.toByteArray();
  }

  static byte[] concatAll(List<byte[]> parts) {
    return concat(parts.toArray(byte[][]::new));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final String ESC = "\u001b";
  private static final String BEL = "\u0007";
  private static final String ST = ESC + "\\";

  /** Every terminal attack we know of, as text. */
  static final String ESCAPES = String.join(" ",
      ESC + "[2J" + ESC + "[H" + "cleared",
      ESC + "[31mred" + ESC + "[0m",
      ESC + "]52;c;ZWNobyBoaQ==" + BEL + "clipboard",
      ESC + "]0;pwned-title" + BEL + "title",
      ESC + "]2;pwned-title" + ST + "title2",
      ESC + "]8;;https://evil.example.com" + ST + "forged-link" + ESC + "]8;;" + ST,
      ESC + "P+q" + ST + "dcs",
      ESC + "[6n" + "report",
      ESC + "c" + "reset",
      "\u009b2J" + "c1-csi",
      "\u009d0;c1-osc\u009c",
      "\u0090c1-dcs\u009c");

  /** Every C0 (except tab, newline, carriage return), DEL and every C1 character. */
  static String controls() {
    StringBuilder sb = new StringBuilder();
    for (int c = 1; c < 0x20; c++) if (c != '\t' && c != '\n' && c != '\r') sb.append((char) c);
    sb.append('\u007f');
    for (int c = 0x80; c <= 0x9f; c++) sb.append((char) c);
    return sb.toString();
  }

  static final String BIDI = "abc\u202eevil\u202c \u2066iso\u2069 \u202a\u202b\u202d\u2067\u2068x\u2069";

  /** The whole corpus. */
  static List<Case> cases() {
    List<Case> c = new ArrayList<>();

    // ---- control characters and escape sequences ----
    c.add(Case.of("escapes-in-body", d -> md(d, "esc.md", fm("Escapes") + "\n" + ESCAPES + "\n\n- item " + ESCAPES
        + "\n\n> quote " + ESCAPES + "\n\n```\n" + ESCAPES + "\n```\n\n`code " + ESC + "[31m`\n\n| a | b |\n|---|---|\n| "
        + ESC + "]52;c;eA==" + BEL + " | x |\n"))
        .shows("cleared", "clipboard", "forged-link", "\u241b").query("quote")
        .expect("control character U+001B", true, Kind.CHECK));
    c.add(Case.of("controls-in-body", d -> md(d, "ctl.md", fm("Controls") + "\nbefore " + controls() + " after\n\n"
        + "# heading " + controls() + "\n\n[link " + controls() + "](x" + controls() + ")\n"))
        .shows("before", "after")
        .expect("control character U+0001", true, Kind.CHECK));
    c.add(Case.of("escapes-in-front-matter", d -> md(d, "fm.md", "---\n"
        + "title: \"Title \\e]0;pwned\\a \\x1b[2J \\x9b31m \\u202Eevil \\x85 \\u2028 end\"\n"
        + "date: 2024-05-01\n"
        + "author: \"\\e]52;c;ZWNobyBoaQ==\\a Dr. X\"\n"
        + "summary: \"\\e[31m summary \\x7f\"\n"
        + "tags: [\"\\e[5mblink\", \"\\x9b0m\"]\n"
        + "related: [\"\\e]8;;file:///etc/passwd\\e\\\\x\"]\n"
        + "cta: \"\\e[2J\"\n"
        + "\"\\e]0;key\\a\": unknown key with escape\n"
        + "---\nBody " + ESCAPES + "\n"))
        .shows("Title", "end", "Body")
        .expect("control character", true, Kind.CHECK));
    c.add(Case.of("raw-controls-in-front-matter", d -> md(d, "rawfm.md", "---\ntitle: Raw " + ESC + "]0;x" + BEL
        + " \u009b2J title\ndate: 2024-05-01\nauthor: " + controls() + "\n---\nBody.\n"))
        .shows("Raw", "title")
        .expect("control character U+001B", true, Kind.CHECK));
    c.add(Case.of("escapes-in-file-name", d -> md(d, "name" + ESC + "]0;pwned" + BEL + ESC + "[2J\u009b31m.md",
        fm("Odd file name") + "\nBody.\n")).shows("Odd file name")
        .expect("file name", false, Kind.CHECK));
    c.add(Case.of("escapes-in-dir-and-broken-file-name", d -> {
      md(d, "sub" + ESC + "[31m/ok.md", fm("In odd folder") + "\nBody.\n");
      return bytes(d, "bad" + ESC + "]52;c;eA==" + BEL + "\u202e.md", new byte[] {0, 1, 2, 3});
    }).render(1).unlisted().expect("binary file", false, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("newline-in-file-name", d -> md(d, "two\nlines.md", fm("Newline name") + "\nBody.\n"))
        .shows("Newline name")
        .expect("file name", false, Kind.CHECK));
    c.add(Case.of("escapes-in-clinic-json", d -> {
      Files.writeString(d.resolve("clinic.json"), "{\n"
          + "\"name\": \"Clinic \\u001b]0;pwned\\u0007 \\u001b[2J\\u009b31m\\u202e\",\n"
          + "\"tagline\": \"\\u001b]52;c;ZWNobyBoaQ==\\u0007\",\n"
          + "\"phone\": \"555-0100\\u0000\\u007f\",\n"
          + "\"email\": \"care@example.org\\u001b]8;;https://evil.example.com\\u001b\\\\\",\n"
          + "\"hours\": [\"\\u001b[5mMon\", null],\n"
          + "\"booking\": {\"label\": \"Book \\u0085\", \"url\": \"https://example.org\\u001b[2J\", \"phone\": \"\\u2066555-0101\"},\n"
          + "\"ctas\": [{\"id\": \"x\", \"title\": \"\\u001b[31mCall\", \"text\": \"\\u009b2J\", \"action\": \"\\u001b]0;t\\u0007\"}, null],\n"
          + "\"about\": \"" + ESCAPES.replace("\\", "\\\\").replace(ESC, "\\u001b").replace(BEL, "\\u0007")
          .replace("\u009b", "\\u009b").replace("\u009c", "\\u009c").replace("\u009d", "\\u009d").replace("\u0090", "\\u0090") + "\",\n"
          + "\"conditions\": [\"\\u202eevil\"], \"services\": [\"\\u001b[8mhidden\"],\n"
          + "\"disclaimer\": \"\\u001b[2J\", \"crisis\": \"\\u001bc\"\n}\n");
      md(d, "a.md", fm("Clinic escapes") + "\nBody.\n");
      return d.resolve("clinic.json");
    }).ownClinic().target("a.md").shows("Clinic", "Call")
        .expect("control character", true, Kind.CHECK));
    c.add(Case.of("raw-controls-in-clinic-json", d -> {
      Files.writeString(d.resolve("clinic.json"), "{\"name\": \"Raw " + ESC + "]0;x" + BEL + "\u009b2J\"}");
      md(d, "a.md", fm("Clinic raw") + "\nBody.\n");
      return d.resolve("clinic.json");
    }).ownClinic().target("a.md")
        .expect("control character U+001B", true, Kind.CHECK));
    c.add(Case.of("bidi-overrides", d -> md(d, "bidi.md", "---\ntitle: \"Bidi " + BIDI + "\"\ndate: 2024-05-01\n---\n\n"
        + "# " + BIDI + "\n\n" + BIDI + "\n\n`" + BIDI + "`\n\n[" + BIDI + "](" + "x\u202e.md)\n"))
        .shows("Bidi", "evil")
        .expect("bidirectional control character U+202E", true, Kind.CHECK));
    c.add(Case.of("numeric-entities", d -> md(d, "ent.md", fm("Entities") + "\n"
        + "&#27;[2J &#x1b;]52;c;eA==&#7; &#x9b;31m &#155; &#x85; &#127; &#0; &#x202e;rtl &#x2028; &#x2029; &#xD800; "
        + "&#x110000; &#8; &#13; &#x1B;[6n &#X9D;0;t&#x9C; &AMP; &lt;\n\n"
        + "## Heading &#27;]0;title&#7;\n\n"
        + "[link &#27;[31m](https://example.org/&#27;[2J \"title &#x9b;\") ![alt &#x1b;]8;;x&#x1b;\\](img&#27;.png)\n\n"
        + "<https://example.org/a&#27;b> https://example.org/&#x1b;\n\n"
        + "| h &#27;[2J | k |\n|---|---|\n| &#x9b;1m | &#x202e; |\n\n"
        + "[ref]: https://example.org/&#27;[31m\n\nSee [ref].\n"))
        .shows("Entities", "rtl", "Heading")
        .expect("control character", true, Kind.CHECK));

    // ---- encodings ----
    c.add(Case.of("utf8-bom", d -> bytes(d, "bom.md", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        utf8(fm("Caf\u00e9 with BOM") + "\nBody \u00fc.\n")))).shows("Caf\u00e9 with BOM"));
    c.add(Case.of("crlf", d -> bytes(d, "crlf.md", utf8((fm("CRLF title") + "\n## Part\r\n\r\nBody one.\r\n")
        .replace("\n", "\r\n")))).shows("CRLF title", "Body one."));
    c.add(Case.of("cr-only", d -> bytes(d, "cr.md", utf8((fm("CR title") + "\n## Part\n\nBody one.\n")
        .replace("\n", "\r")))).shows("CR title", "Body one."));
    c.add(Case.of("invalid-utf8", d -> bytes(d, "bad-utf8.md", concat(utf8(fm("Invalid bytes") + "\nBefore "),
        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0,
            (byte) 0x80, (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0xC2, (byte) 0x9B},
        utf8(" after.\n"), new byte[] {(byte) 0xE2, (byte) 0x82}))).shows("Invalid bytes", "Before", "after")
        .expect("invalid UTF-8", true, Kind.CHECK));
    c.add(Case.of("invalid-utf8-in-front-matter", d -> bytes(d, "bad-fm.md", concat(utf8("---\ntitle: Bad "),
        new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x9B}, utf8(" title\ndate: 2024-05-01\n---\nBody.\n"))))
        .shows("Bad", "title")
        .expect("invalid UTF-8", true, Kind.CHECK));
    c.add(Case.of("utf16le-bom", d -> bytes(d, "le.md", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        (fm("UTF-16LE \u00e9t\u00e9") + "\nBody \u4e2d\u6587 " + ESC + "[31m.\n").getBytes(StandardCharsets.UTF_16LE))))
        .shows("UTF-16LE \u00e9t\u00e9", "\u4e2d\u6587")
        .expect("control character U+001B", true, Kind.CHECK));
    c.add(Case.of("utf16be-bom", d -> bytes(d, "be.md", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
        (fm("UTF-16BE title") + "\nBody \u0000 nul.\n").getBytes(StandardCharsets.UTF_16BE))))
        .shows("UTF-16BE title", "nul")
        .expect("control character U+0000", true, Kind.CHECK));
    c.add(Case.of("utf16-odd-length-and-lone-surrogate", d -> bytes(d, "odd16.md", concat(new byte[] {(byte) 0xFF,
        (byte) 0xFE}, (fm("Odd UTF-16") + "\nBody ").getBytes(StandardCharsets.UTF_16LE),
        new byte[] {0x00, (byte) 0xD8, 0x41, 0x00, 0x42}))).shows("Odd UTF-16")
        .expect("invalid", true, Kind.CHECK));
    c.add(Case.of("nul-after-8k", d -> md(d, "late-nul.md", fm("Late NUL") + "\n" + "filler ".repeat(2000)
        + "\u0000 end\n")).shows("Late NUL")
        .expect("control character U+0000", true, Kind.CHECK));

    // ---- files that are not articles ----
    c.add(Case.of("binary-file", d -> {
      byte[] b = new byte[4096];
      new Random(7).nextBytes(b);
      b[0] = (byte) 0x89;
      b[1] = 'P';
      b[2] = 'N';
      b[3] = 'G';
      b[10] = 0;
      return bytes(d, "image.md", b);
    }).render(1).unlisted().expect("binary file", false, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("binary-without-nul", d -> {
      byte[] b = new byte[4096];
      new Random(8).nextBytes(b);
      for (int i = 0; i < b.length; i++) if (b[i] == 0) b[i] = 1;
      return bytes(d, "noise.md", b);
    }).render(1).unlisted().expect("front matter", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("directory-named-md", d -> {
      Path x = d.resolve("folder.md");
      Files.createDirectories(x);
      md(x, "inner.md", fm("Inside a folder called folder.md") + "\nBody.\n");
      return x;
    }).render(1).unlisted().expect("directory", false, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("empty-file", d -> bytes(d, "empty.md", new byte[0]))
        .render(1).unlisted().expect("empty file", false, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("over-size-limit", d -> md(d, "big.md", fm("Too big") + "\n" + "word ".repeat(2000)))
        .args("--max-bytes", "1000").render(1).unlisted().expect("limit", false, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("fifo-named-md", d -> {
      Path f = d.resolve("pipe.md");
      try {
        Process p = new ProcessBuilder("mkfifo", f.toString()).start();
        if (p.waitFor() != 0) throw new IOException("mkfifo failed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      return f;
    }).render(1).unlisted().expect("not a regular file", false, Kind.LIST, Kind.RENDER, Kind.CHECK));

    // ---- front matter attacks ----
    c.add(Case.of("yaml-billion-laughs", d -> md(d, "laughs.md", "---\ntitle: Laughs\ndate: 2024-05-01\n"
        + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\nBody.\n"))
        .render(1).unlisted().expect("anchors", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-alias", d -> md(d, "alias.md", "---\ntitle: &t Alias\ndate: 2024-05-01\nsummary: *t\n---\nB.\n"))
        .render(1).unlisted().expect("not allowed", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-deep-nesting", d -> md(d, "deep.md", "---\ntitle: Deep\ndate: 2024-05-01\nx: "
        + "[".repeat(10000) + "]".repeat(10000) + "\n---\nBody.\n"))
        .render(1).unlisted().expect("nested too deeply", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-deep-block-nesting", d -> {
      StringBuilder sb = new StringBuilder("---\ntitle: Deep\ndate: 2024-05-01\n");
      for (int i = 0; i < 200; i++) sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
      return md(d, "deep-block.md", sb.append("---\nBody.\n").toString());
    }).render(1).unlisted().expect("nested too deeply", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-huge-scalar", d -> md(d, "huge.md", "---\ntitle: " + "A".repeat(200_000)
        + "\ndate: 2024-05-01\n---\nBody.\n"))
        .render(1).unlisted().expect("larger than", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-long-title-accepted", d -> md(d, "long-title.md", "---\ntitle: " + "Long ".repeat(10_000)
        + "\ndate: 2024-05-01\n---\nBody.\n")).shows("Long"));
    c.add(Case.of("yaml-duplicate-keys", d -> md(d, "dup.md", "---\ntitle: First\ndate: 2024-05-01\ntitle: Second\n---\nB.\n"))
        .render(1).unlisted().expect("title", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-java-tags", d -> md(d, "tags.md", "---\ntitle: !!java.net.URL [\"https://example.com/\"]\n"
        + "date: 2024-05-01\n---\nBody.\n"))
        .render(1).unlisted().expect("!!java.net.URL", true, Kind.LIST, Kind.RENDER, Kind.CHECK)
        .expect("not allowed", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-script-engine", d -> md(d, "engine.md", "---\ntitle: Engine\ndate: 2024-05-01\n"
        + "tags: [!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL "
        + "[\"https://example.com/\"]]]]]\n---\nBody.\n"))
        .render(1).unlisted().expect("not allowed", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-tag-on-document", d -> md(d, "doctag.md", "---\n!!javax.script.ScriptEngineManager\n"
        + "title: Tagged map\ndate: 2024-05-01\n---\nBody.\n"))
        .render(1).unlisted().expect("not allowed", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("yaml-broken", d -> md(d, "broken.md", "---\ntitle: [unclosed\ndate: 2024-05-01\n---\nBody.\n"))
        .render(1).unlisted().expect("YAML", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("front-matter-unclosed", d -> md(d, "unclosed.md", "---\ntitle: Open\ndate: 2024-05-01\nBody.\n"))
        .render(1).unlisted().expect("not closed", true, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("bad-date-with-escape", d -> md(d, "date.md", "---\ntitle: Date\ndate: \"2024-13-45\\e]0;x\\a\"\n---\nB.\n"))
        .render(1).unlisted().expect("not a date", true, Kind.LIST, Kind.RENDER, Kind.CHECK));

    // ---- deep and huge structure ----
    c.add(Case.of("nested-quotes", d -> md(d, "quotes.md", fm("Quotes") + "\n" + ">".repeat(5000) + " deep text\n"))
        .shows("deep"));
    c.add(Case.of("nested-quotes-lines", d -> {
      StringBuilder sb = new StringBuilder(fm("Quote lines") + "\n");
      for (int i = 1; i <= 300; i++) sb.append("> ".repeat(i)).append("q").append(i).append('\n');
      return md(d, "quote-lines.md", sb.toString());
    }).shows("q1"));
    c.add(Case.of("nested-lists", d -> md(d, "lists.md", fm("Lists") + "\n" + "- ".repeat(5000) + "x\n\n"
        + "1. ".repeat(5000) + "y\n\n" + "> - 1. ".repeat(2000) + "z\n")).shows("Lists"));
    c.add(Case.of("nested-emphasis", d -> md(d, "emph.md", fm("Emphasis") + "\n" + "*".repeat(5000) + "x"
        + "*".repeat(5000) + "\n\n" + "*a _b **c ~~d ".repeat(2000) + "e" + " d~~ c** b_ a*".repeat(2000)
        + "\n\n" + "![".repeat(3000) + "img" + "](u)".repeat(3000) + "\n\n" + "[".repeat(5000) + "x" + "]".repeat(5000)
        + "\n\n" + "`".repeat(5000) + "\n")).shows("Emphasis"));
    c.add(Case.of("long-lines", d -> md(d, "long.md", fm("Long lines") + "\n" + "x".repeat(50_000) + "\n\n"
        + "word ".repeat(10_000) + "\n\n```\n" + "y".repeat(50_000) + "\n```\n\n" + "\u4e2d".repeat(25_000) + "\n\n"
        + "[" + "l".repeat(50_000) + "](https://example.org/" + "p".repeat(50_000) + ")\n\n# " + "h".repeat(50_000) + "\n"))
        .shows("word"));
    c.add(Case.of("wide-table", d -> {
      StringBuilder sb = new StringBuilder(fm("Wide table") + "\n");
      for (int r = 0; r < 5; r++) {
        sb.append('|');
        for (int col = 0; col < 300; col++) sb.append(r == 1 ? "---|" : " c" + col + "r" + r + " |");
        sb.append('\n');
      }
      sb.append("\n| a | b |\n|---|---|\n| " + "w".repeat(20_000) + " | \u4e2d\u6587\u4e2d\u6587 |\n");
      return md(d, "table.md", sb.toString());
    }).shows("c0r0"));
    c.add(Case.of("many-headings", d -> {
      StringBuilder sb = new StringBuilder(fm("Headings"));
      for (int i = 0; i < 5000; i++) sb.append(i % 3 == 2 ? "### Sub " : "## Section ").append(i).append("\n\ntext\n\n");
      return md(d, "headings.md", sb.toString());
    }).shows("Section 4998"));
    c.add(Case.of("many-links", d -> {
      StringBuilder sb = new StringBuilder(fm("Links") + "\n");
      for (int i = 0; i < 5000; i++) sb.append("[l").append(i).append("](https://example.org/").append(i).append(") ");
      return md(d, "links.md", sb.append('\n').toString());
    }).shows("5000"));
    c.add(Case.of("unicode-width", d -> md(d, "wide.md", fm("Wide \u4e2d\u6587 \ud83d\udc4d\ud83c\udffd") + "\n"
        + "\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d\u6587\u4e2d"
        + " \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66 \ud83c\uddfa\ud83c\uddf8 e\u0301"
        + " Z" + "\u0336\u0337\u0338".repeat(3000) + " \u200b\u200b\u200d\u200d \ufeff tab\there \u2764\ufe0f"
        + " \uff21\uff22\uff23\uff24\uff25\uff26\uff27\uff28\uff29\uff2a\n")).shows("Wide"));

    // ---- paths that try to leave the articles directory ----
    c.add(Case.of("links-out-of-root", d -> {
      Path outside = Files.createDirectories(d.getParent().resolve("outside"));
      md(outside, "secret.md", fm(SECRET) + "\n" + SECRET + "\n");
      md(d, "other.md", fm("Other") + "\nOther body.\n");
      return md(d, "links.md", "---\ntitle: Links out\ndate: 2024-05-01\n"
          + "related: [../outside/secret, /etc/passwd, \"file:///etc/passwd\", ../../x, outside/secret, other]\n"
          + "---\n[up](../outside/secret.md) [abs](/etc/passwd) [file](file:///etc/passwd) [enc](%2e%2e/outside/secret.md)"
          + " [win](..\\outside\\secret.md) [home](~/secret.md)\n");
    }).shows("Links out", "Other"));
    c.add(Case.of("symlink-file-out-of-root", d -> {
      Path outside = Files.createDirectories(d.getParent().resolve("outside"));
      Path secret = md(outside, "secret.md", fm(SECRET) + "\n" + SECRET + "\n");
      md(d, "ok.md", "---\ntitle: Fine\ndate: 2024-05-01\nrelated: [leak]\n---\nBody.\n");
      return Files.createSymbolicLink(d.resolve("leak.md"), secret);
    }).bySlug().render(2).unlisted().expect("outside the articles directory", false, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("symlink-dir-out-of-root", d -> {
      Path outside = Files.createDirectories(d.getParent().resolve("outside"));
      md(outside, "secret.md", fm(SECRET) + "\n" + SECRET + "\n");
      Files.createSymbolicLink(d.resolve("linked"), outside);
      md(d, "ok.md", "---\ntitle: Fine\ndate: 2024-05-01\nrelated: [linked/secret, linked-dir]\n---\nBody.\n");
      return Files.createSymbolicLink(d.resolve("linked-dir.md"), outside);
    }).target("ok.md").shows("Fine").expect("outside the articles directory", false, Kind.LIST, Kind.CHECK));
    c.add(Case.of("symlink-to-device", d -> {
      md(d, "ok.md", fm("Fine") + "\nBody.\n");
      return Files.createSymbolicLink(d.resolve("zero.md"), Path.of("/dev/zero"));
    }).bySlug().render(2).unlisted().expect("outside the articles directory", false, Kind.LIST, Kind.RENDER, Kind.CHECK));
    c.add(Case.of("clinic-json-symlink-out-of-root", d -> {
      Path outside = Files.createDirectories(d.getParent().resolve("outside"));
      Path secret = outside.resolve("clinic.json");
      Files.writeString(secret, "{\"name\": \"" + SECRET + "\", \"phone\": \"" + SECRET + "\"}");
      md(d, "ok.md", fm("Fine") + "\nBody.\n");
      return Files.createSymbolicLink(d.resolve("clinic.json"), secret);
    }).ownClinic().target("ok.md").shows("Fine")
        .expect("outside the articles directory", false, Kind.RENDER, Kind.CONTACT, Kind.CHECK));
    c.add(Case.of("clinic-json-broken", d -> {
      Files.writeString(d.resolve("clinic.json"), "{\"name\": \"x\",\n \"hours\": [" + "[".repeat(5000) + "\n");
      md(d, "ok.md", fm("Fine") + "\nBody.\n");
      return d.resolve("clinic.json");
    }).ownClinic().target("ok.md").shows("Fine").expect("hours", true, Kind.RENDER, Kind.CONTACT));
    c.add(Case.of("clinic-json-deep", d -> {
      Files.writeString(d.resolve("clinic.json"), "{\"name\": \"x\", \"extra\": " + "[".repeat(5000)
          + "]".repeat(5000) + "}");
      md(d, "ok.md", fm("Fine") + "\nBody.\n");
      return d.resolve("clinic.json");
    }).ownClinic().target("ok.md").shows("Fine").expect("JSON", false, Kind.RENDER, Kind.CONTACT));
    c.add(Case.of("clinic-json-directory", d -> {
      Files.createDirectories(d.resolve("clinic.json"));
      md(d, "ok.md", fm("Fine") + "\nBody.\n");
      return d.resolve("clinic.json");
    }).ownClinic().target("ok.md").shows("Fine").expect("directory", false, Kind.RENDER, Kind.CONTACT));
    c.add(Case.of("clinic-json-binary", d -> {
      Files.write(d.resolve("clinic.json"), new byte[] {0x7b, 0, 0x1b, (byte) 0x9b, 0x7d});
      md(d, "ok.md", fm("Fine") + "\nBody.\n");
      return d.resolve("clinic.json");
    }).ownClinic().target("ok.md").shows("Fine").expect("binary", false, Kind.RENDER, Kind.CONTACT));
    return c;
  }
}
