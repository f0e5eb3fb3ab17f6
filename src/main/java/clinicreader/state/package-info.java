/**
 * What the reader remembers between runs, and how it is configured. Pure data and file I/O:
 * no terminal, no command line; depends only on {@code content} and Jackson.
 *
 * <h2>Reading state</h2>
 * {@link clinicreader.state.ReaderState} is one immutable value: per article a
 * {@link clinicreader.state.Position} (section anchor + line within the section, so it survives
 * edits and other widths), a read mark and the last time it was opened; and the
 * {@link clinicreader.state.Bookmark}s. Operations return new values and take the time as an
 * argument. {@link clinicreader.state.StateStore} keeps it in
 * {@code $XDG_STATE_HOME/clinic-reader/state.json}:
 *
 * <pre>{@code
 * StateStore store = new StateStore(StateStore.defaultDir(System.getenv()));
 * store.load().ifPresent(status::warn);               // corrupt file: moved aside, one line
 *
 * // opening an article (page = the laid-out article)
 * List<String> anchors = outline.sections().stream().map(Outline.Section::anchor).toList();
 * int top = store.state().position(slug)
 *     .map(p -> Math.min(p.toLine(anchors, page.sectionLines()), page.size() - 1)).orElse(0);
 * store.update(s -> s.withOpened(slug, Instant.now()).markRead(slug, Instant.now()));
 *
 * // leaving it (and before quitting)
 * store.update(s -> s.withPosition(slug, Position.of(anchors, page.sectionLines(), top)));
 * store.save().ifPresent(status::warn);               // read-only or full disk: one line
 *
 * // 'm': toggle a bookmark at the current section
 * Position here = Position.of(anchors, page.sectionLines(), top);
 * store.update(s -> s.toggleBookmark(slug, here.sectionAnchor(), label, here.lineInSection(), Instant.now()));
 * store.save().ifPresent(status::warn);
 *
 * // library and lists
 * store.state().isRead(slug);  store.state().bookmarkedSlugs();  store.state().recent(5);
 * store.state().bookmarks();   // newest first; b.position().toLine(anchors, sectionLines)
 * }</pre>
 *
 * <p>A save merges with the file under a lock, so two windows never drop each other's
 * bookmarks, and writes atomically, so a crash cannot leave half a file. No method throws for
 * I/O problems or prints: they come back as one warning line.
 *
 * <h2>Settings</h2>
 * {@link clinicreader.state.Settings} come from {@code $XDG_CONFIG_HOME/clinic-reader/config.json}:
 *
 * <pre>{@code
 * Settings.Loaded cfg = Settings.load(Settings.defaultFile(System.getenv()));
 * cfg.warnings().forEach(err::println);               // file:line:col: message
 * Settings s = cfg.settings();
 * if (themeOption != null) s = s.withTheme(themeOption);   // command line wins over the file
 * s = s.withEnvironment(System.getenv());             // NO_COLOR forces mono, last
 * Theme theme = Theme.named(s.theme());
 * }</pre>
 */
package clinicreader.state;
