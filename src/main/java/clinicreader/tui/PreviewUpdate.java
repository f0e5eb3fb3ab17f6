package clinicreader.tui;

import clinicreader.content.Outline;
import clinicreader.layout.Page;
import clinicreader.layout.PageLayout;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The update step's part for live preview and editing: reloads that keep the reader's place,
 * a broken save shown over the last good version, the editor key and the findings list. Pure,
 * like {@link Update}: file reading and the editor are effects for the runtime.
 */
final class PreviewUpdate {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private PreviewUpdate() {}

  /** The step for {@code intent} when it is one of preview's, else {@code null}. */
  static Update.Step apply(Update u, ReaderState s, Intent intent) {
    PreviewState p = s.preview();
    ReaderState.ArticleView a = s.article();
    if (intent instanceof Intent.FileChanged) {
      return a == null ? Update.Step.of(s) : new Update.Step(s, List.of(new Effect.Reload(a.slug())));
    }
    if (intent instanceof Intent.Reloaded r) return Update.Step.of(reloaded(u, s, r));
    if (intent instanceof Intent.ReloadFailed f) {
      if (a == null || !a.slug().equals(f.slug())) return Update.Step.of(s.message(f.message()));
      return Update.Step.of(s.with(p.error(f.message())));
    }
    if (intent instanceof Intent.EditFailed f) return Update.Step.of(s.message(f.message()));
    if (intent instanceof Intent.Opened && (p.error() != null || p.reloaded() != null)) {
      // another article: the last one's reload time and broken-save banner do not apply to it
      return u.apply(s.with(p.error(null).reloaded(null)), intent);
    }
    if (s.prompt() != null) return null;
    boolean onArticle = s.screen() == ReaderState.Screen.ARTICLE && a != null;
    if (intent instanceof Intent.ToggleFindings) {
      if (s.overlay() == ReaderState.Overlay.FINDINGS) return Update.Step.of(s.message(null).overlay(ReaderState.Overlay.NONE, 0));
      if (s.overlay() != ReaderState.Overlay.NONE || !onArticle) return null;
      if (p.findings() == null) {
        return Update.Step.of(s.message("The content check shows in preview: clinic-reader preview FILE"));
      }
      return Update.Step.of(s.message(null).overlay(ReaderState.Overlay.FINDINGS, 0));
    }
    if (s.overlay() != ReaderState.Overlay.NONE || !onArticle) return null;
    if (intent instanceof Intent.Edit) {
      return new Update.Step(s, List.of(new Effect.Edit(file(a), editLine(a))));
    }
    // a live preview has no library to go back to
    if (intent instanceof Intent.Back && p.live()) return new Update.Step(s, List.of(new Effect.Quit()));
    return null;
  }

  static Path file(ReaderState.ArticleView a) {
    return a.input().article().meta().path();
  }

  /** The file line of the section at the top of the screen (1 above the first section). */
  static int editLine(ReaderState.ArticleView a) {
    int sec = a.section();
    List<Outline.Section> sections = a.outline().sections();
    if (sec < 0 || sec >= sections.size()) return 1;
    return Math.max(1, sections.get(sec).sourceLine());
  }

  private static ReaderState reloaded(Update u, ReaderState s, Intent.Reloaded r) {
    ReaderState.ArticleView a = s.article();
    PreviewState p = s.preview().findings(r.findings() != null ? r.findings() : s.preview().findings());
    String broken = r.problems().isEmpty() ? null
        : r.problems().get(0) + (r.problems().size() > 1 ? " (+" + (r.problems().size() - 1) + " more)" : "");
    if (a == null || !a.slug().equals(r.slug())) {
      // the first load of a preview: shown even when broken, there is no good version yet
      ReaderState opened = u.apply(s.with(p.error(null).reloaded(null)), new Intent.Opened(r.slug(), r.input(), List.of())).state();
      return opened.with(opened.preview().error(broken));
    }
    // a broken save: keep the last good version on screen until the file is fixed
    if (broken != null) return s.with(p.error(broken));
    ReaderState next = s.with(p.error(null).reloaded(r.at() == null ? null : TIME.format(r.at())));
    Page old = a.page();
    Page page = PageLayout.layout(r.input(), u.geometry(next).textWidth(), u.theme());
    Outline outline = r.input().article().outline();
    int top = place(old, a.outline(), a.top(), page, outline);
    int n = outline.sections().size();
    boolean focus = a.sidebarFocus() && n > 0;
    ReaderState.ArticleView view = new ReaderState.ArticleView(a.slug(), r.input(), page, top, a.sidebar(),
        a.sidebarChosen(), focus, Math.max(0, Math.min(a.sidebarSelected(), n - 1)), null);
    return next.with(view);
  }

  /**
   * Where the reader should be in a new version of the page: in the same section (found by its
   * anchor, else by its position in the outline), as many lines below its heading as before.
   */
  static int place(Page old, Outline oldOutline, int top, Page page, Outline outline) {
    if (top <= 0 || page.size() == 0) return 0;
    int last = page.size() - 1;
    int sec = old.sectionAt(top);
    if (sec < 0 || sec >= oldOutline.sections().size() || sec >= old.sectionLines().size()) {
      int firstSection = page.sectionLines().isEmpty() ? last : Math.max(0, page.sectionLines().get(0) - 1);
      return Math.min(top, Math.min(last, firstSection));
    }
    int offset = top - old.sectionLines().get(sec);
    int idx = match(oldOutline, sec, outline);
    if (idx < 0 || idx >= page.sectionLines().size()) return Math.min(top, last);
    int start = page.sectionLines().get(idx);
    int end = idx + 1 < page.sectionLines().size() ? page.sectionLines().get(idx + 1) : page.size();
    return Math.max(0, Math.min(last, Math.max(start, Math.min(start + offset, end - 1))));
  }

  /** The section of the new outline that is section {@code sec} of the old one. */
  private static int match(Outline oldOutline, int sec, Outline outline) {
    List<Outline.Section> now = outline.sections();
    if (now.isEmpty()) return -1;
    String anchor = oldOutline.sections().get(sec).anchor();
    int best = -1;
    for (int i = 0; i < now.size(); i++) {
      if (anchor != null && anchor.equals(now.get(i).anchor()) && (best < 0 || Math.abs(i - sec) < Math.abs(best - sec))) best = i;
    }
    if (best >= 0) return best;
    // the heading itself was edited: the section at the same place in the outline
    return Math.min(sec, now.size() - 1);
  }
}
