package clinicreader.cli;

import clinicreader.content.Clinic;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clinic-reader contact}: how to reach and book the clinic. */
@Command(name = "contact", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Show the clinic's contact details, opening hours and calls-to-action.")
public final class ContactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LibraryOptions library;

  @Override
  public Integer call() {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the command with its fields set (by picocli, or by {@link QuickParser}). */
  Integer run(PrintWriter out, PrintWriter err) {
    Clinic c = Workspace.clinic(library.directory(), err);
    out.print(format(c));
    out.flush();
    return Main.OK;
  }

  /** The contact sheet as plain text. */
  static String format(Clinic c) {
    StringBuilder sb = new StringBuilder();
    sb.append(c.name()).append('\n');
    if (c.tagline() != null) sb.append(c.tagline()).append('\n');
    sb.append('\n');
    field(sb, "Phone", c.phone());
    field(sb, "Email", c.email());
    field(sb, "Website", c.website());
    field(sb, "Address", c.address());
    if (!c.hours().isEmpty()) {
      sb.append(String.format("%-9s %s%n", "Hours", c.hours().get(0)));
      for (int i = 1; i < c.hours().size(); i++) sb.append(String.format("%-9s %s%n", "", c.hours().get(i)));
    }
    if (c.booking().label() != null) {
      sb.append('\n').append(c.booking().label()).append('\n');
      if (c.booking().phone() != null) sb.append("  call ").append(c.booking().phone()).append('\n');
      if (c.booking().url() != null) sb.append("  ").append(c.booking().url()).append('\n');
    }
    for (Clinic.Cta cta : c.ctas()) {
      sb.append('\n').append(cta.title()).append("  [").append(cta.id()).append("]\n");
      if (cta.text() != null) sb.append("  ").append(cta.text()).append('\n');
      if (cta.action() != null) sb.append("  \u2192 ").append(cta.action()).append('\n');
    }
    if (c.about() != null) sb.append("\nAbout\n  ").append(c.about()).append('\n');
    if (!c.conditions().isEmpty()) sb.append("\nConditions treated\n  ").append(String.join("\n  ", c.conditions())).append('\n');
    if (!c.services().isEmpty()) sb.append("\nServices\n  ").append(String.join("\n  ", c.services())).append('\n');
    sb.append('\n').append(c.disclaimer()).append('\n');
    sb.append(c.crisis()).append('\n');
    return sb.toString();
  }

  private static void field(StringBuilder sb, String label, String value) {
    if (value != null && !value.isBlank()) sb.append(String.format("%-9s %s%n", label, value));
  }
}
