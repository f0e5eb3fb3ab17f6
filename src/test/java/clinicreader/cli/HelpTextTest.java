package clinicreader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help text reads as prose: picocli wraps each description line on its own, so a line broken
 * by hand mid-sentence left a word or two stranded on a line of their own ("not a"). Each
 * description line is therefore whole sentences, for picocli to wrap.
 */
class HelpTextTest {
  private static List<CommandSpec> commands() {
    CommandLine root = Main.commandLine();
    List<CommandSpec> all = new ArrayList<>();
    all.add(root.getCommandSpec());
    for (String name : Main.SUBCOMMANDS) all.add(root.getSubcommands().get(name).getCommandSpec());
    return all;
  }

  @Test
  void everyDescriptionLineIsAWholeSentence() {
    for (CommandSpec spec : commands()) {
      List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
      for (OptionSpec o : spec.options()) lines.addAll(List.of(o.description()));
      for (PositionalParamSpec p : spec.positionalParameters()) lines.addAll(List.of(p.description()));
      for (String line : lines) {
        if (line.isEmpty()) continue;
        assertThat(line).as("%s: %s", spec.qualifiedName(), line).matches("(?s).*[.:)!?'\"]");
      }
    }
  }

  @Test
  void noHelpLineIsWiderThanEightyColumns() {
    for (CommandSpec spec : commands()) {
      String help = new CommandLine(spec).getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String line : help.split("\n")) {
        assertThat(line.length()).as("%s: %s", spec.qualifiedName(), line).isLessThanOrEqualTo(80);
      }
    }
  }
}
