package clinicreader.tui;

import clinicreader.content.ArticleMeta;
import clinicreader.state.Position;
import java.util.List;

/**
 * What the reader remembers across runs (reading positions, read marks, bookmarks, recent
 * articles), as the screens need it: a copy of the saved state (the runtime sends a new one
 * after every change), whether the library shows only bookmarked articles (then {@code all}
 * holds the full list to go back to), the chosen entry of the bookmarks or recent list, the
 * place to open the next article at (a bookmark's), and warnings still to show.
 *
 * <p>{@link #EMPTY} is a reader without memory (no store behind it): nothing is marked or
 * remembered, and the screens look as they do without this feature.
 */
public record MemoryState(
    boolean enabled,
    clinicreader.state.ReaderState saved,
    boolean bookmarkedOnly,
    List<ArticleMeta> all,
    int selected,
    Target target,
    List<String> warnings) {

  /** No memory: nothing is remembered or marked. */
  public static final MemoryState EMPTY = new MemoryState(false, clinicreader.state.ReaderState.empty(), false,
      List.of(), 0, null, List.of());

  /** Where to put the next opened article {@code slug}: a bookmark's place and its label. */
  public record Target(String slug, Position position, String label) {}

  public MemoryState {
    saved = saved == null ? clinicreader.state.ReaderState.empty() : saved;
    all = List.copyOf(all);
    warnings = List.copyOf(warnings);
  }

  /** A reader that remembers, starting from {@code saved}, with start-up warnings to show one by one. */
  public static MemoryState of(clinicreader.state.ReaderState saved, List<String> warnings) {
    return new MemoryState(true, saved, false, List.of(), 0, null, warnings);
  }

  public MemoryState saved(clinicreader.state.ReaderState s) {
    return new MemoryState(enabled, s, bookmarkedOnly, all, selected, target, warnings);
  }

  public MemoryState filter(boolean on, List<ArticleMeta> allItems) {
    return new MemoryState(enabled, saved, on, allItems, selected, target, warnings);
  }

  public MemoryState selected(int i) {
    return new MemoryState(enabled, saved, bookmarkedOnly, all, i, target, warnings);
  }

  public MemoryState target(Target t) {
    return new MemoryState(enabled, saved, bookmarkedOnly, all, selected, t, warnings);
  }

  public MemoryState warnings(List<String> w) {
    return new MemoryState(enabled, saved, bookmarkedOnly, all, selected, target, w);
  }

  /** Whether the library should mark {@code slug} as not read yet. */
  public boolean unread(String slug) {
    return enabled && !saved.isRead(slug);
  }
}
