package io.kontor.productdevelopment.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void unchanged_removed_and_added_lines_are_marked() {
        assertThat(TextDiff.lines("Export als CSV\nSemikolon\nUTF-8", "Export als CSV\nKomma\nUTF-8\nBOM"))
                .containsExactly(" Export als CSV", "-Semikolon", "+Komma", " UTF-8", "+BOM");
    }

    @Test
    void an_empty_text_has_no_lines() {
        assertThat(TextDiff.lines("", "neu")).containsExactly("+neu");
    }
}
