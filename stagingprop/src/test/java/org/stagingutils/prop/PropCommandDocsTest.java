// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.cli.OptionsReference;

/** docs/stagingprop.md documents every option, with a table generated from the picocli model. */
class PropCommandDocsTest {
  private static final Path PAGE = OptionsReference.page("stagingprop");

  @Test
  void optionsTableIsGeneratedFromTheCommand() {
    assertThat(OptionsReference.check(PAGE, new PropCommand()))
        .as("options table of %s; run this test with UPDATE_DOCS=true to regenerate it", PAGE)
        .isEqualTo(OptionsReference.table(new PropCommand()));
  }

  @Test
  void everyOptionThatHelpListsIsDocumented() {
    // with UPDATE_DOCS=true, regenerate the table before reading the page
    OptionsReference.check(PAGE, new PropCommand());
    String page = OptionsReference.read(PAGE);

    assertThat(OptionsReference.optionsInHelp(new PropCommand()))
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
