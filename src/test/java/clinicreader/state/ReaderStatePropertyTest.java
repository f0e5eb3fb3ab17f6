package clinicreader.state;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.testing.Props;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The state model's laws: JSON round-trips, and merging is a join (order and repeats do not matter). */
class ReaderStatePropertyTest {

  @Test
  @SuppressWarnings("unchecked")
  void jsonRoundTripIsIdentity() {
    Props.check("jsonRoundTripIsIdentity", 300, r -> new Object[] {states(r)}, in -> {
      ReaderState s = (ReaderState) in[0];
      byte[] json = write(s);
      assertThat(read(json)).isEqualTo(s);
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void mergeIsCommutative() {
    Props.check("mergeIsCommutative", 300, r -> new Object[] {states(r), states(r)}, in -> {
      ReaderState a = (ReaderState) in[0];
      ReaderState b = (ReaderState) in[1];
      assertThat(a.merge(b)).isEqualTo(b.merge(a));
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void mergeIsIdempotent() {
    Props.check("mergeIsIdempotent", 300, r -> new Object[] {states(r), states(r)}, in -> {
      ReaderState a = (ReaderState) in[0];
      ReaderState b = (ReaderState) in[1];
      assertThat(a.merge(a)).isEqualTo(a);
      assertThat(a.merge(b).merge(b)).isEqualTo(a.merge(b));
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void mergeIsAssociative() {
    Props.check("mergeIsAssociative", 200, r -> new Object[] {states(r), states(r), states(r)}, in -> {
      ReaderState a = (ReaderState) in[0];
      ReaderState b = (ReaderState) in[1];
      ReaderState c = (ReaderState) in[2];
      assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void aMergeKeepsEveryBookmarkNeitherSideRemoved() {
    Props.check("aMergeKeepsEveryBookmarkNeitherSideRemoved", 300, r -> new Object[] {states(r), ops(r), ops(r)}, in -> {
      ReaderState base = (ReaderState) in[0];
      List<Op> left = (List<Op>) in[1];
      List<Op> right = (List<Op>) in[2];
      ReaderState a = apply(base, left);
      ReaderState b = apply(base, right);
      ReaderState m = a.merge(b);
      for (Bookmark bm : a.bookmarks()) {
        boolean removedByB = b.removedBookmarks().stream()
            .anyMatch(r -> r.key().equals(bm.key()) && !bm.createdAt().isAfter(r.removedAt()));
        boolean replacedByB = b.bookmark(bm.slug(), bm.sectionAnchor()).filter(o -> o.beats(bm)).isPresent();
        if (!removedByB && !replacedByB) assertThat(m.bookmarks()).contains(bm);
      }
      // and a removal made after everything the other side knew always sticks
      for (Removal r : a.removedBookmarks()) {
        boolean readdedLater = b.bookmark(r.slug(), r.sectionAnchor()).filter(o -> o.createdAt().isAfter(r.removedAt())).isPresent();
        if (!readdedLater) assertThat(m.isBookmarked(r.slug(), r.sectionAnchor())).isFalse();
      }
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void merging_neverLosesAPositionToAnOlderOne() {
    Props.check("merging_neverLosesAPositionToAnOlderOne", 200, r -> new Object[] {states(r), states(r)}, in -> {
      ReaderState a = (ReaderState) in[0];
      ReaderState b = (ReaderState) in[1];
      ReaderState m = a.merge(b);
      for (var e : a.articles().entrySet()) {
        Position p = e.getValue().position();
        if (p == null) continue;
        assertThat(m.position(e.getKey())).get().satisfies(q -> assertThat(q.updatedAt()).isAfterOrEqualTo(p.updatedAt()));
      }
    });
  }

  // ---- generators: few slugs, anchors and instants, so keys and times collide often ----

  /** One change to a state. */
  record Op(int kind, String slug, String anchor, int line, Instant at) {}

  static ReaderState apply(ReaderState s, List<Op> ops) {
    for (Op op : ops) {
      s = switch (op.kind) {
        case 0 -> s.toggleBookmark(op.slug, op.anchor, op.anchor.isEmpty() ? "top" : "1. " + op.anchor, op.line, op.at);
        case 1 -> s.withPosition(op.slug, new Position(op.anchor, op.line, op.at));
        case 2 -> s.markRead(op.slug, op.at);
        case 3 -> s.markUnread(op.slug, op.at);
        case 4 -> s.withOpened(op.slug, op.at);
        default -> s.removeBookmark(op.slug, op.anchor, op.at);
      };
    }
    return s;
  }

  private static byte[] write(ReaderState s) {
    try {
      return StateJson.MAPPER.writeValueAsBytes(s);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ReaderState read(byte[] json) {
    try {
      return StateJson.MAPPER.readValue(json, ReaderState.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T pick(Random r, List<T> options) {
    return options.get(r.nextInt(options.size()));
  }

  private static String slug(Random r) {
    return pick(r, List.of("a", "b", "ketamine-vs-esketamine", "costs/insurance-coverage"));
  }

  private static String anchor(Random r) {
    return pick(r, List.of("", "results", "what-to-expect", "résumé-ü"));
  }

  private static Instant instant(Random r) {
    return Instant.parse("2025-05-01T00:00:00Z").plusSeconds(r.nextInt(7)).plusNanos(pick(r, List.of(0, 1, 999_999_999)));
  }

  private static Instant instantOrNull(Random r) {
    return r.nextDouble() < 0.3 ? null : instant(r);
  }

  static List<Op> ops(Random r) {
    int n = r.nextInt(13);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) ops.add(new Op(r.nextInt(6), slug(r), anchor(r), r.nextInt(31), instant(r)));
    return ops;
  }

  static ReaderState states(Random r) {
    if (r.nextBoolean()) return apply(ReaderState.empty(), ops(r));
    Map<String, ArticleState> arts = new HashMap<>();
    int na = r.nextInt(5);
    for (int i = 0; i < na; i++) {
      Position pos = r.nextDouble() < 0.3 ? null : new Position(anchor(r), r.nextInt(41), instant(r));
      arts.put(slug(r), new ArticleState(pos, r.nextBoolean(), instantOrNull(r), instantOrNull(r)));
    }
    List<Bookmark> bms = new ArrayList<>();
    int nb = r.nextInt(9);
    for (int i = 0; i < nb; i++) {
      bms.add(new Bookmark(slug(r), anchor(r), pick(r, List.of("1. A", "2. B \"q\"", "")), r.nextInt(6), instant(r)));
    }
    List<Removal> rms = new ArrayList<>();
    int nr = r.nextInt(7);
    for (int i = 0; i < nr; i++) rms.add(new Removal(slug(r), anchor(r), instant(r)));
    return new ReaderState(arts, bms, rms);
  }
}
