package clinicreader.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The state model's laws: JSON round-trips, and merging is a join (order and repeats do not matter). */
class ReaderStateProperties {

  @Property(tries = 300)
  void jsonRoundTripIsIdentity(@ForAll("states") ReaderState s) throws Exception {
    byte[] json = StateJson.MAPPER.writeValueAsBytes(s);
    assertThat(StateJson.MAPPER.readValue(json, ReaderState.class)).isEqualTo(s);
  }

  @Property(tries = 300)
  void mergeIsCommutative(@ForAll("states") ReaderState a, @ForAll("states") ReaderState b) {
    assertThat(a.merge(b)).isEqualTo(b.merge(a));
  }

  @Property(tries = 300)
  void mergeIsIdempotent(@ForAll("states") ReaderState a, @ForAll("states") ReaderState b) {
    assertThat(a.merge(a)).isEqualTo(a);
    assertThat(a.merge(b).merge(b)).isEqualTo(a.merge(b));
  }

  @Property(tries = 200)
  void mergeIsAssociative(@ForAll("states") ReaderState a, @ForAll("states") ReaderState b,
                          @ForAll("states") ReaderState c) {
    assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
  }

  @Property(tries = 300)
  void aMergeKeepsEveryBookmarkNeitherSideRemoved(@ForAll("states") ReaderState base,
                                                  @ForAll("ops") List<Op> left, @ForAll("ops") List<Op> right) {
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
  }

  @Property(tries = 200)
  void merging_neverLosesAPositionToAnOlderOne(@ForAll("states") ReaderState a, @ForAll("states") ReaderState b) {
    ReaderState m = a.merge(b);
    for (var e : a.articles().entrySet()) {
      Position p = e.getValue().position();
      if (p == null) continue;
      assertThat(m.position(e.getKey())).get().satisfies(q -> assertThat(q.updatedAt()).isAfterOrEqualTo(p.updatedAt()));
    }
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

  private static Arbitrary<String> slugs() {
    return Arbitraries.of("a", "b", "ketamine-vs-esketamine", "costs/insurance-coverage");
  }

  private static Arbitrary<String> anchors() {
    return Arbitraries.of("", "results", "what-to-expect", "résumé-ü");
  }

  private static Arbitrary<Instant> instants() {
    return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.of(0, 1, 999_999_999))
        .as((s, n) -> Instant.parse("2025-05-01T00:00:00Z").plusSeconds(s).plusNanos(n));
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 5), slugs(), anchors(),
        Arbitraries.integers().between(0, 30), instants()).as(Op::new);
    return op.list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<ReaderState> states() {
    Arbitrary<ReaderState> built = ops().map(ops -> apply(ReaderState.empty(), ops));
    Arbitrary<Bookmark> bm = Combinators.combine(slugs(), anchors(), Arbitraries.of("1. A", "2. B \"q\"", ""),
        Arbitraries.integers().between(0, 5), instants()).as(Bookmark::new);
    Arbitrary<Removal> rm = Combinators.combine(slugs(), anchors(), instants()).as(Removal::new);
    Arbitrary<Position> pos = Combinators.combine(anchors(), Arbitraries.integers().between(0, 40), instants())
        .as(Position::new);
    Arbitrary<ArticleState> art = Combinators.combine(pos.injectNull(0.3), Arbitraries.of(true, false),
        instants().injectNull(0.3), instants().injectNull(0.3)).as(ArticleState::new);
    Arbitrary<Map<String, ArticleState>> arts = Arbitraries.maps(slugs(), art).ofMaxSize(4);
    Arbitrary<ReaderState> raw = Combinators.combine(arts, bm.list().ofMaxSize(8), rm.list().ofMaxSize(6))
        .as(ReaderState::new);
    return Arbitraries.oneOf(built, raw);
  }
}
