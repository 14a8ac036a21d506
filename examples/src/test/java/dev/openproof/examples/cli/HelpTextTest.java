package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every {@code --help} of the {@code openproof} command, the top level and each subcommand however
 * deeply nested, read at 80 columns: a one-line summary, a full description of whole sentences, no
 * line over 80 characters, and no sentence cut by a hard line break. The commands are found by
 * walking the registered subcommands, so a new one is checked without touching this test.
 */
class HelpTextTest {
  private static final int WIDTH = 80;

  private static List<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(new CommandLine(new OpenProofCommand()), all);
    return all;
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    // Aliases map to the same command; take each one once.
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
  }

  private static String name(CommandLine command) {
    return command.getCommandSpec().qualifiedName(" ");
  }

  /** What {@code COMMAND --help} prints, through the command's own entry point. */
  private static String help(CommandLine command) {
    List<String> args = new ArrayList<>(List.of(name(command).split(" ")));
    args.remove(0);
    args.add("--help");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = OpenProofCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        args.toArray(String[]::new));
    assertThat(code).as("exit code of %s --help, stderr: %s", name(command), err).isZero();
    return out.toString();
  }

  /** The text without its white space: picocli may break a long word such as a URL at a dot. */
  private static String normalized(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static Stream<DynamicTest> each(String what, java.util.function.Consumer<CommandLine> check) {
    return everyCommand().stream().map(c -> DynamicTest.dynamicTest(name(c) + " " + what, () -> check.accept(c)));
  }

  @Test
  void theWalkFindsTheTopLevelTheSubcommandsAndTheNestedOnes() {
    assertThat(everyCommand().stream().map(HelpTextTest::name)).contains("openproof", "openproof demo",
        "openproof issue", "openproof verify", "openproof keys", "openproof keys generate", "openproof keys rotate",
        "openproof status publish");
  }

  @Test
  void theUsageLineComesFirstThenTheSummary() {
    String[] lines = help(everyCommand().get(0)).split("\\R");
    assertThat(lines[0]).startsWith("Usage: openproof ");
    assertThat(lines[1]).isEqualTo("Digital proofs of license for Open agreements: issue, mail and verify them.");
  }

  @TestFactory
  Stream<DynamicTest> noLineIsLongerThan80Columns() {
    return each("--help fits 80 columns", command -> {
      String help = help(command);
      assertThat(help).as(name(command)).contains("Usage: " + name(command));
      for (String line : help.split("\\R")) {
        assertThat(line.length()).as("%s --help line: %s", name(command), line).isLessThanOrEqualTo(WIDTH);
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> eachCommandHasAOneLineSummaryAndAFullDescription() {
    return each("has a summary and a description", command -> {
      CommandSpec spec = command.getCommandSpec();
      String[] header = spec.usageMessage().header();
      assertThat(header).as("%s: the one-line summary (header)", name(command)).hasSize(1);
      assertThat(header[0]).as(name(command)).endsWith(".").doesNotContain("\n");
      CommandLine parent = command.getParent();
      if (parent != null) {
        assertThat(help(parent).lines().map(String::strip))
            .as("%s: the summary stands whole on one line of its parent's command list", name(command))
            .anyMatch(line -> line.matches(Pattern.quote(spec.name()) + "(,\\S+)*\\s+" + Pattern.quote(header[0])));
      }
      assertThat(spec.usageMessage().description()).as("%s: the full description", name(command)).isNotEmpty();
    });
  }

  @TestFactory
  Stream<DynamicTest> everyParagraphIsWholeSentencesAndPrintsWhole() {
    return each("prints whole sentences", command -> {
      String help = normalized(help(command));
      CommandSpec spec = command.getCommandSpec();
      List<String> paragraphs = new ArrayList<>(List.of(spec.usageMessage().header()));
      paragraphs.addAll(List.of(spec.usageMessage().description()));
      for (ArgSpec arg : spec.args()) {
        if (!arg.hidden()) {
          paragraphs.addAll(List.of(arg.description()));
        }
      }
      for (String paragraph : paragraphs) {
        assertThat(paragraph).as("%s: a paragraph holds no hard line break", name(command)).doesNotContain("\n");
        assertThat(paragraph.strip()).as("%s: a paragraph ends a sentence", name(command)).matches("(?s).*[.!?:)]$");
        assertThat(help).as("%s --help prints the paragraph whole", name(command)).contains(normalized(paragraph));
      }
    });
  }
}
