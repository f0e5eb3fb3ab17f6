package clinicreader.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic synthetic library for tests at size: articles of about 10 KB with
 * front matter, 3–9 numbered sections, lists, quotes, links, accented words, some CJK and emoji.
 * Word frequencies follow a rough Zipf curve over a generated vocabulary, so common and rare
 * words both exist. Run {@link #main} to write one for timing by hand.
 */
public final class SyntheticLibrary {
  private static final String[] COMMON = ("the of and to in is that for it as with was on be by are this at from "
      + "or an have not can your you we about may will more care people treatment clinic doctor dose week "
      + "patient depression ketamine pain sleep visit plan cost insurance study trial result effect").split(" ");
  private static final String[] SYLLABLES = ("ka ri mo zu te la no vi sa pe do ru mi ko ta ne fu hi ya lo "
      + "ben dor gal har jun kel mor nav pel sor tul vek wim zan").split(" ");
  private static final String[] ACCENTED = {"café", "résumé", "naïve", "esketamina", "coração", "Ärztin", "niño"};
  private static final String[] CJK = {"漢字の説明", "治療について", "한국어 문장"};
  private static final String[] EMOJI = {"🙂", "💊", "🩺"};

  private final Random random;
  private final String[] vocab;

  SyntheticLibrary(long seed, int vocabulary) {
    random = new Random(seed);
    vocab = new String[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      StringBuilder sb = new StringBuilder();
      int syl = 2 + (i % 3);
      int x = i;
      for (int s = 0; s < syl; s++) {
        sb.append(SYLLABLES[x % SYLLABLES.length]);
        x = x / SYLLABLES.length + 7 * s + 3;
      }
      vocab[i] = sb.toString();
    }
  }

  /** Writes {@code count} articles under {@code dir} (in subfolders of 500). */
  public static List<Path> write(Path dir, int count, long seed) throws IOException {
    SyntheticLibrary g = new SyntheticLibrary(seed, 20_000);
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path sub = dir.resolve(String.format("part-%02d", i / 500));
      Files.createDirectories(sub);
      Path f = sub.resolve(String.format("article-%05d.md", i));
      Files.writeString(f, g.article(i), StandardCharsets.UTF_8);
      out.add(f);
    }
    return out;
  }

  String word() {
    double r = random.nextDouble();
    if (r < 0.45) return COMMON[(int) (Math.pow(random.nextDouble(), 2) * COMMON.length)];
    if (r < 0.452) return ACCENTED[random.nextInt(ACCENTED.length)];
    // Zipf-like: small indexes are much more frequent
    int idx = (int) (Math.pow(random.nextDouble(), 3) * vocab.length);
    return vocab[idx];
  }

  String sentence(int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = word();
      if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      if (i > 0) sb.append(' ');
      int deco = random.nextInt(40);
      if (deco == 0) sb.append("**").append(w).append("**");
      else if (deco == 1) sb.append('*').append(w).append('*');
      else if (deco == 2) sb.append('[').append(w).append("](article-").append(random.nextInt(1000)).append(".md)");
      else sb.append(w);
    }
    if (random.nextInt(30) == 0) sb.append(' ').append(CJK[random.nextInt(CJK.length)]);
    if (random.nextInt(40) == 0) sb.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
    return sb.append('.').toString();
  }

  String paragraph() {
    StringBuilder sb = new StringBuilder();
    int n = 3 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(' ');
      sb.append(sentence(8 + random.nextInt(12)));
    }
    return sb.toString();
  }

  String article(int i) {
    StringBuilder sb = new StringBuilder(11_000);
    LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
    String title = sentence(4 + random.nextInt(5));
    sb.append("---\n");
    sb.append("title: \"").append(title, 0, title.length() - 1).append(' ').append(i).append("\"\n");
    sb.append("date: ").append(date).append('\n');
    sb.append("author: \"Dr. Example ").append(i % 17).append("\"\n");
    sb.append("summary: \"").append(sentence(12 + random.nextInt(8)).replace("\"", "")).append("\"\n");
    sb.append("tags: [").append(word()).append(", ").append(word()).append("]\n");
    if (i % 50 == 7) sb.append("draft: true\n");
    sb.append("---\n\n");
    sb.append(paragraph()).append("\n\n");
    int sections = 3 + random.nextInt(7);
    int target = 10_000;
    for (int s = 0; s < sections; s++) {
      String h = sentence(2 + random.nextInt(4));
      sb.append("## ").append(h, 0, h.length() - 1).append("\n\n");
      int budget = (target - 600) / sections;
      int start = sb.length();
      while (sb.length() - start < budget) {
        int kind = random.nextInt(10);
        if (kind == 0) {
          for (int k = 0; k < 3; k++) sb.append("- ").append(sentence(6 + random.nextInt(6))).append('\n');
          sb.append('\n');
        } else if (kind == 1) {
          sb.append("> ").append(sentence(12)).append("\n\n");
        } else if (kind == 2 && s > 0) {
          String sub = sentence(3);
          sb.append("### ").append(sub, 0, sub.length() - 1).append("\n\n");
        } else {
          sb.append(paragraph()).append("\n\n");
        }
      }
    }
    return sb.toString();
  }

  /** Writes a library: {@code SyntheticLibrary DIR [COUNT]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    write(dir, count, 42L);
    System.out.println("wrote " + count + " articles to " + dir);
  }
}
