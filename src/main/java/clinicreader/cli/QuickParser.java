package clinicreader.cli;

import clinicreader.content.Library;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the common short commands ({@code render}, {@code list}, {@code search},
 * {@code contact}), and the reader (no command, only its options), without picocli. Building
 * picocli's model of a command (annotation reflection, method handles) was about a third of a
 * short run after the JVM's own start, and some 150 ms of CPU before the reader's first screen.
 *
 * <p>Only a strict grammar is taken here: the subcommand first, then known options, each at
 * most once, with its value as the next word or after {@code =} on a long name, and the
 * positionals; for the reader, whose command name is {@code ""}, a first word that is an option. Values are converted as picocli converts them, but only in their plain forms
 * (ASCII digits, a known colour or sort key in any case, a path without NUL). Anything else
 * (help, version, an unknown, repeated or unusual option, a value that starts with {@code -}
 * or {@code @}, {@code --}, a wrong number of positionals, picocli system properties) is left
 * to picocli, so its messages, help and exit codes are unchanged. {@link #OPTIONS} is compared
 * with picocli's model of the annotated commands by a test.
 */
final class QuickParser {
  private QuickParser() {}

  /** What an option's value is; a {@code FLAG} takes none. */
  enum Kind { FLAG, INT, LONG, PATH, TEXT, COLOR, SORT }

  /** An option of one subcommand: its names, as in its picocli annotation, and its kind. */
  record Option(String command, List<String> names, Kind kind) {}

  /** The options this parser knows, per subcommand (help and version are left to picocli). */
  static final List<Option> OPTIONS;

  static {
    List<Option> all = new ArrayList<>();
    for (String c : new String[] {"", "render", "list", "search", "contact"}) {
      all.add(new Option(c, List.of("-d", "--dir"), Kind.PATH));
      all.add(new Option(c, List.of("--drafts"), Kind.FLAG));
      all.add(new Option(c, List.of("--max-bytes"), Kind.LONG));
    }
    for (String c : new String[] {"", "render", "search"}) {
      all.add(new Option(c, List.of("--color"), Kind.COLOR));
      all.add(new Option(c, List.of("--theme"), Kind.TEXT));
    }
    all.add(new Option("", List.of("--mouse"), Kind.FLAG));
    all.add(new Option("", List.of("--max-width"), Kind.INT));
    all.add(new Option("render", List.of("-w", "--width"), Kind.INT));
    all.add(new Option("render", List.of("--max-width"), Kind.INT));
    all.add(new Option("list", List.of("--json"), Kind.FLAG));
    all.add(new Option("list", List.of("--tag"), Kind.TEXT));
    all.add(new Option("list", List.of("--sort"), Kind.SORT));
    all.add(new Option("search", List.of("--json"), Kind.FLAG));
    all.add(new Option("search", List.of("--limit"), Kind.INT));
    OPTIONS = List.copyOf(all);
  }

  /**
   * Runs the command line when it is in the simple grammar and returns its exit code; null
   * when picocli must parse it.
   */
  static Integer run(String[] args, PrintWriter out, PrintWriter err) {
    Object command = parse(args);
    if (command == null) return null;
    try {
      if (command instanceof RootCommand c) return c.run(out, err);
      if (command instanceof RenderCommand c) return c.run(out, err);
      if (command instanceof ListCommand c) return c.run(out, err);
      if (command instanceof SearchCommand c) return c.run(out, err);
      return ((ContactCommand) command).run(out, err);
    } catch (Exception e) {
      // as picocli's execution exception handler does for the same command
      return Main.unexpected(e, err);
    }
  }

  /** The command with its fields set as picocli would set them, or null when picocli must parse the line. */
  static Object parse(String[] args) {
    if (args.length > 0 && args[0] == null) return null;
    // the reader when the line is empty or starts with an option: its fields start at their
    // defaults, as picocli sets them (field defaults)
    boolean reader = args.length == 0 || args[0].startsWith("-");
    String name = reader ? "" : args[0];
    Object command = reader ? newReader() : newCommand(name);
    if (command == null || picocliConfigured()) return null;
    boolean[] seen = new boolean[OPTIONS.size()];
    List<String> positionals = new ArrayList<>();
    for (int i = reader ? 0 : 1; i < args.length; i++) {
      String arg = args[i];
      if (!plain(arg)) return null;
      if (arg.charAt(0) != '-') {
        positionals.add(arg);
        continue;
      }
      String optionName = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (eq >= 0) {
        if (!arg.startsWith("--")) return null;
        optionName = arg.substring(0, eq);
        value = arg.substring(eq + 1);
        if (!plain(value)) return null;
      }
      int k = find(name, optionName);
      if (k < 0 || seen[k]) return null;
      seen[k] = true;
      Option option = OPTIONS.get(k);
      if (option.kind() == Kind.FLAG) {
        if (value != null) return null;
      } else if (value == null) {
        if (i + 1 >= args.length || !plain(args[i + 1])) return null;
        value = args[++i];
      }
      if (!set(command, option, value)) return null;
    }
    return setPositionals(command, positionals) ? command : null;
  }

  private static RootCommand newReader() {
    RootCommand root = new RootCommand();
    root.library = new LibraryOptions();
    root.colors = new ColorOptions();
    root.reader = new ReaderOptions();
    return root;
  }

  private static Object newCommand(String name) {
    switch (name) {
      case "render": {
        RenderCommand c = new RenderCommand();
        c.library = new LibraryOptions();
        c.colors = new ColorOptions();
        return c;
      }
      case "list": {
        ListCommand c = new ListCommand();
        c.library = new LibraryOptions();
        return c;
      }
      case "search": {
        SearchCommand c = new SearchCommand();
        c.library = new LibraryOptions();
        c.colors = new ColorOptions();
        return c;
      }
      case "contact": {
        ContactCommand c = new ContactCommand();
        c.library = new LibraryOptions();
        return c;
      }
      default:
        return null;
    }
  }

  /** picocli reads system properties that change parsing (tracing, quotes, at-files): then it parses. */
  private static boolean picocliConfigured() {
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith("picocli.")) return true;
    }
    return false;
  }

  /** Not empty, and not something picocli might read differently ({@code @file}, an option, a separator). */
  private static boolean plain(String s) {
    return s != null && !s.isEmpty() && s.charAt(0) != '@' && !(s.charAt(0) == '-' && s.length() == 1)
        && !s.equals("--");
  }

  private static int find(String command, String optionName) {
    for (int k = 0; k < OPTIONS.size(); k++) {
      Option o = OPTIONS.get(k);
      if (o.command().equals(command) && o.names().contains(optionName)) return k;
    }
    return -1;
  }

  private static boolean set(Object command, Option option, String value) {
    if (value != null && (value.charAt(0) == '-' || value.indexOf('=') >= 0)) return false;
    String key = option.names().get(option.names().size() - 1);
    switch (option.kind()) {
      case FLAG -> {
        if (key.equals("--drafts")) library(command).drafts = true;
        else if (key.equals("--mouse")) ((RootCommand) command).reader.mouse = true;
        else if (command instanceof ListCommand c) c.json = true;
        else ((SearchCommand) command).json = true;
        return true;
      }
      case PATH -> {
        try {
          library(command).dir = Path.of(value);
          return true;
        } catch (InvalidPathException e) {
          return false;
        }
      }
      case LONG -> {
        if (!digits(value, 18)) return false;
        library(command).maxBytes = Long.parseLong(value);
        return true;
      }
      case INT -> {
        if (!digits(value, 9)) return false;
        int n = Integer.parseInt(value);
        if (key.equals("--width")) ((RenderCommand) command).width = n;
        else if (key.equals("--max-width") && command instanceof RootCommand c) c.reader.maxWidth = n;
        else if (key.equals("--max-width")) ((RenderCommand) command).maxWidth = n;
        else ((SearchCommand) command).limit = n;
        return true;
      }
      case TEXT -> {
        if (key.equals("--theme")) colors(command).theme = value;
        else ((ListCommand) command).tag = value;
        return true;
      }
      case COLOR -> {
        ColorOptions.When when = constant(ColorOptions.When.values(), value);
        if (when == null) return false;
        colors(command).color = when;
        return true;
      }
      case SORT -> {
        Library.Sort sort = constant(Library.Sort.values(), value);
        if (sort == null) return false;
        ((ListCommand) command).sort = sort;
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean setPositionals(Object command, List<String> positionals) {
    if (command instanceof RenderCommand c) {
      if (positionals.size() != 1) return false;
      c.article = positionals.get(0);
      return true;
    }
    if (command instanceof SearchCommand c) {
      if (positionals.isEmpty()) return false;
      c.words = positionals;
      return true;
    }
    // list, contact and the reader take none (a word after the reader's options would be a command)
    return positionals.isEmpty();
  }

  private static LibraryOptions library(Object command) {
    if (command instanceof RootCommand c) return c.library;
    if (command instanceof RenderCommand c) return c.library;
    if (command instanceof ListCommand c) return c.library;
    if (command instanceof SearchCommand c) return c.library;
    return ((ContactCommand) command).library;
  }

  private static ColorOptions colors(Object command) {
    if (command instanceof RootCommand c) return c.colors;
    if (command instanceof RenderCommand c) return c.colors;
    return ((SearchCommand) command).colors;
  }

  /** ASCII digits only (picocli's {@code valueOf} also takes signs and other scripts' digits: it parses those). */
  private static boolean digits(String s, int maxLength) {
    if (s.length() > maxLength) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  /** The constant named {@code value}, ignoring case as picocli is configured to; null when none is. */
  private static <E extends Enum<E>> E constant(E[] constants, String value) {
    for (E e : constants) if (e.name().equalsIgnoreCase(value) || e.toString().equalsIgnoreCase(value)) return e;
    return null;
  }
}
