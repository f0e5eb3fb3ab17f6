package clinicreader.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** The one Markdown parser configuration (CommonMark + GFM tables, strikethrough, autolinks). */
public final class Markdown {
  private static final List<Extension> EXTENSIONS = List.of(
      TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
  private static final Parser PARSER = Parser.builder()
      .extensions(EXTENSIONS)
      .includeSourceSpans(IncludeSourceSpans.BLOCKS)
      .build();

  private Markdown() {}

  /** Parses a Markdown body into commonmark's node tree, the project's document model. */
  public static Node parse(String body) {
    return PARSER.parse(body);
  }
}
