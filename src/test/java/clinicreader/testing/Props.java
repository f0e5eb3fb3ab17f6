package clinicreader.testing;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-test runner on plain JUnit: generates {@code tries} inputs from seeded
 * randomness and checks a property on each. A failure names the property, the try, the seed
 * that reproduces it and the input, so it can be replayed with {@code -Dprops.seed=SEED}.
 * The number of tries can be raised with {@code -Dprops.tries=N}.
 */
public final class Props {
  private Props() {}

  /** Checks {@code property} on {@code tries} generated inputs. */
  public static <T> void check(String name, int tries, Function<Random, T> generator, Consumer<T> property) {
    long base = Long.getLong("props.seed", name.hashCode() * 0x9E3779B97F4A7C15L);
    int n = Integer.getInteger("props.tries", tries);
    for (int i = 0; i < n; i++) {
      long seed = base + i;
      T input = generator.apply(new Random(seed));
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(name + " failed on try " + (i + 1) + " of " + n + " (replay with -Dprops.seed="
            + seed + " -Dprops.tries=1)\ninput: " + describe(input) + "\n" + e.getMessage(), e);
      }
    }
  }

  private static String describe(Object input) {
    String s = input instanceof Object[] arr ? java.util.Arrays.deepToString(arr) : String.valueOf(input);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && i < 2000; i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return s.length() > 2000 ? sb + "…" : sb.toString();
  }
}
