package clinicreader.cli;

import clinicreader.layout.Page;

/** Extra warm-up steps from other packages (the terminal UI adds its own drawing here). */
final class Warmups {
  private Warmups() {}

  static void run(Page page) {
    // the terminal UI's warm-up (drawing on a virtual terminal) is called from here
  }
}
