package clinicreader.state;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A second process for the store tests: adds {@code count} bookmarks named after {@code prefix}
 * to the state in {@code dir}, saving after each one (a count of 0 means until killed). Exits 3
 * if any save warned.
 */
public final class StateWriterMain {
  private StateWriterMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    StateStore store = new StateStore(dir);
    store.load().ifPresent(w -> {
      System.err.println(w);
      System.exit(3);
    });
    for (int i = 0; count == 0 || i < count; i++) {
      String slug = prefix + "-" + i;
      store.update(s -> s.toggleBookmark(slug, "results", "3. Results", 0, Instant.now())
          .withPosition(prefix, new Position("results", 1, Instant.now())));
      Optional<String> w = store.save();
      if (w.isPresent()) {
        System.err.println(w.get());
        System.exit(3);
      }
      if (i == 0) System.out.println("saved");
      System.out.flush();
    }
  }
}
