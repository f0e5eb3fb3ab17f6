import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the benchmark corpus, deterministically (fixed seeds, no clock): a library of N
 * articles of about 10 KB each, and one large article of about 4 MB with 2000 sections.
 *
 * <p>Run with the JDK's source launcher: {@code java bench/CorpusGen.java OUT_DIR [N]}. Writes
 * {@code OUT_DIR/library/} (articles plus clinic.json) and {@code OUT_DIR/big/big.md}.
 */
public final class CorpusGen {
  /** Words for ordinary text: common words of patient articles. */
  static final String[] WORDS = (
      "the a of and to in is for with that your you may this it be can are as on or not by at from "
      + "treatment care clinic doctor nurse patient patients symptoms dose doses session sessions week weeks "
      + "month months research study trial trials evidence results effect effects side mood sleep pain "
      + "depression anxiety therapy medicine medication plan plans insurance cost visit visits follow-up "
      + "question questions answer answers safe safety risk risks benefit benefits team support family "
      + "monitor monitoring blood pressure heart rate breathing rest recovery water food drive home "
      + "appointment schedule reading history record records consent form forms health mental physical "
      + "people person often sometimes usually rarely always never before after during between each "
      + "small large short long early late first second third next last careful clear simple plain").split(" ");
  /** Rare words: each appears in a few percent of articles, so a search has a real answer. */
  static final String[] RARE = {"tinnitus", "ferritin", "glaucoma", "neuropathy", "vertigo", "psoriasis"};
  static final String[] TAGS = {"ketamine", "depression", "research", "costs", "insurance", "pain",
      "first-visit", "aftercare", "sleep", "anxiety", "family", "safety"};
  static final String[] CJK = {"漢字かな交じり文", "治療と回復", "건강 관리", "睡眠と気分", "心理健康"};
  static final String[] EMOJI = {"🙂", "💊", "🩺", "👩‍⚕️", "🇳🇿", "❤️"};

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].startsWith("-")) {
      System.err.println("usage: java bench/CorpusGen.java [OUT_DIR [ARTICLES]]  (default: bench/corpus 10000)");
      System.exit(2);
    }
    Path out = Path.of(args.length > 0 ? args[0] : "bench/corpus");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path lib = out.resolve("library");
    Path big = out.resolve("big");
    Files.createDirectories(lib);
    Files.createDirectories(big);
    Files.writeString(lib.resolve("clinic.json"), CLINIC, StandardCharsets.UTF_8);
    Files.writeString(big.resolve("clinic.json"), CLINIC, StandardCharsets.UTF_8);
    Random rnd = new Random(20260101L);
    for (int i = 0; i < n; i++) {
      String slug = slug(i);
      Files.writeString(lib.resolve(slug + ".md"), article(rnd, i, n, 3 + rnd.nextInt(7), 10_000),
          StandardCharsets.UTF_8);
    }
    Files.writeString(big.resolve("big.md"), article(new Random(4L), 0, 1, 2000, 4_000_000),
        StandardCharsets.UTF_8);
  }

  static String slug(int i) {
    return String.format("article-%05d", i);
  }

  /** One article of about {@code bytes} bytes (UTF-8) with {@code sections} numbered sections. */
  static String article(Random rnd, int i, int n, int sections, int bytes) {
    StringBuilder sb = new StringBuilder(bytes + 2048);
    LocalDate date = LocalDate.of(2018, 1, 1).plusDays((i * 37L) % 3000);
    List<String> tags = new ArrayList<>();
    for (int k = 0, t = 1 + rnd.nextInt(3); k < t; k++) {
      String tag = TAGS[rnd.nextInt(TAGS.length)];
      if (!tags.contains(tag)) tags.add(tag);
    }
    sb.append("---\n");
    sb.append("title: \"").append(capital(sentence(rnd, 4 + rnd.nextInt(5), false))).append(" (")
        .append(i).append(")\"\n");
    sb.append("date: ").append(date).append('\n');
    sb.append("author: \"Dr. Example ").append((char) ('A' + i % 26)).append(", MD\"\n");
    sb.append("summary: \"").append(capital(sentence(rnd, 12 + rnd.nextInt(10), false))).append(".\"\n");
    sb.append("tags: [").append(String.join(", ", tags)).append("]\n");
    if (n > 1 && i % 3 == 0) {
      sb.append("related: [").append(slug((i + 1) % n)).append(", ").append(slug((i + 7) % n)).append("]\n");
    }
    sb.append("cta: consultation\n");
    sb.append("---\n\n");
    paragraph(rnd, sb, i, n);
    int perSection = Math.max(400, (bytes - sb.length()) / sections);
    for (int s = 1; s <= sections; s++) {
      int start = sb.length();
      sb.append("## ").append(s).append(". ").append(capital(sentence(rnd, 2 + rnd.nextInt(4), false))).append("\n\n");
      int kind = 0;
      while (sb.length() - start < perSection) {
        switch (kind++ % 5) {
          case 0, 2 -> paragraph(rnd, sb, i, n);
          case 1 -> list(rnd, sb, rnd.nextBoolean());
          case 3 -> quote(rnd, sb);
          default -> {
            if (rnd.nextInt(3) == 0) {
              sb.append("### ").append(capital(sentence(rnd, 3, false))).append("\n\n");
            }
            paragraph(rnd, sb, i, n);
          }
        }
      }
    }
    sb.append("## References\n\n1. Example A, Example B. ").append(capital(sentence(rnd, 8, false)))
        .append(". Journal of Examples. ").append(2000 + i % 25).append(".\n");
    return sb.toString();
  }

  static void paragraph(Random rnd, StringBuilder sb, int i, int n) {
    int sentences = 3 + rnd.nextInt(4);
    for (int s = 0; s < sentences; s++) {
      if (s > 0) sb.append(' ');
      String text = capital(sentence(rnd, 8 + rnd.nextInt(12), true));
      sb.append(text).append('.');
      int r = rnd.nextInt(40);
      if (r == 0) sb.append(' ').append(CJK[rnd.nextInt(CJK.length)]).append('。');
      else if (r == 1) sb.append(' ').append(EMOJI[rnd.nextInt(EMOJI.length)]);
      else if (r == 2 && n > 1) {
        sb.append(" See [a related article](").append(slug(rnd.nextInt(n))).append(".md).");
      } else if (r == 3) sb.append(" More at <https://www.example.org/info/").append(i).append(">.");
      else if (r == 4) sb.append(" [1]");
    }
    sb.append("\n\n");
  }

  static void list(Random rnd, StringBuilder sb, boolean ordered) {
    int items = 3 + rnd.nextInt(4);
    for (int k = 1; k <= items; k++) {
      sb.append(ordered ? k + ". " : "- ").append(capital(sentence(rnd, 4 + rnd.nextInt(10), true))).append('\n');
      if (k == 2 && rnd.nextInt(4) == 0) {
        sb.append(ordered ? "   - " : "  - ").append(capital(sentence(rnd, 5, false))).append('\n');
      }
    }
    sb.append('\n');
  }

  static void quote(Random rnd, StringBuilder sb) {
    sb.append("> ").append(capital(sentence(rnd, 10 + rnd.nextInt(10), true))).append(".\n> ")
        .append(capital(sentence(rnd, 6, false))).append(".\n\n");
  }

  static String sentence(Random rnd, int words, boolean markup) {
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) sb.append(' ');
      String word = rnd.nextInt(150) == 0 ? RARE[rnd.nextInt(RARE.length)] : WORDS[rnd.nextInt(WORDS.length)];
      if (markup) {
        int m = rnd.nextInt(60);
        if (m == 0) word = "**" + word + "**";
        else if (m == 1) word = "*" + word + "*";
        else if (m == 2) word = "`" + word + "`";
      }
      sb.append(word);
    }
    return sb.toString();
  }

  static String capital(String s) {
    if (s.isEmpty() || !Character.isLowerCase(s.charAt(0))) return s;
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static final String CLINIC = """
      {
        "name": "Benchmark Example Clinic",
        "tagline": "A fictional clinic for benchmarks.",
        "phone": "555-0150",
        "email": "care@example.org",
        "website": "https://www.example.org",
        "address": "1 Example Street, Springfield (fictional)",
        "hours": ["Mon-Fri 8:00-18:00"],
        "booking": {"label": "Schedule a consultation", "url": "https://www.example.org/book", "phone": "555-0150"},
        "ctas": [
          {"id": "consultation", "title": "Schedule a consultation",
           "text": "We are happy to talk it through.", "action": "Call 555-0150"}
        ]
      }
      """;
}
