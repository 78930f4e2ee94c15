// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.cli.OptionsReference;

/** docs/stagingcopy.md documents every option, with a table generated from the picocli model. */
class CopyCommandDocsTest {
  private static final Path PAGE = OptionsReference.page("stagingcopy");

  @Test
  void optionsTableIsGeneratedFromTheCommand() {
    assertThat(OptionsReference.check(PAGE, new CopyCommand()))
        .as("options table of %s; run this test with UPDATE_DOCS=true to regenerate it", PAGE)
        .isEqualTo(OptionsReference.table(new CopyCommand()));
  }

  @Test
  void everyOptionThatHelpListsIsDocumented() {
    // with UPDATE_DOCS=true, regenerate the table before reading the page
    OptionsReference.check(PAGE, new CopyCommand());
    String page = OptionsReference.read(PAGE);

    assertThat(OptionsReference.optionsInHelp(new CopyCommand()))
        .isNotEmpty()
        .allSatisfy(
            option ->
                assertThat(
                        Pattern.compile("`" + Pattern.quote(option) + "(?![\\w-])")
                            .matcher(page)
                            .find())
                    .as("%s documents %s", PAGE, option)
                    .isTrue());
  }
}
