/** The JVM's own start-up floor: a main that does nothing (baseline of figure P1). */
public final class Empty {
  public static void main(String[] args) {}
}
