package dev.llmbench.providers.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SimTokenizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        " ",
        "Hello, world!",
        "  leading and trailing spaces  ",
        "line one\nline two\r\n\ttabbed\n\n",
        "Answer: 42",
        "internationalization and antidisestablishmentarianism",
        "naïve café résumé — “quoted” ‘text’…",
        "e\u0301 combining accents a\u0300\u0301\u0302",
        "emoji 😀👍🏽 family 👨‍👩‍👧‍👦 flag 🇩🇪 heart ❤️ keycap 1️⃣",
        "中文没有空格的句子很长很长很长。日本語のテキスト",
        "العربية نص",
        "```java\nint x = a[i] + b.get(0); // done\n```",
        "lone surrogate \uD83D and \uDE00 reversed",
        "non\u00A0breaking\u2003spaces"
    })
    void chunksConcatenateToExactlyTheInput(String text) {
        List<String> chunks = SimTokenizer.split(text);

        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).isNotEmpty());
    }

    @Test
    void emptyTextHasNoChunks() {
        assertThat(SimTokenizer.split("")).isEmpty();
    }

    @Test
    void attachesTrailingWhitespaceAndSeparatesPunctuation() {
        assertThat(SimTokenizer.split("Hello, big world!\n")).containsExactly("Hello", ", ", "big ", "world", "!\n");
    }

    @Test
    void cutsLongWordsIntoShortPieces() {
        assertThat(SimTokenizer.split("internationalization ")).containsExactly("inter", "natio", "naliz", "ation ");
    }

    @Test
    void keepsLeadingWhitespaceAsItsOwnChunk() {
        assertThat(SimTokenizer.split("  hi")).containsExactly("  ", "hi");
    }

    @Test
    void neverSplitsSurrogatePairsOrEmojiSequences() {
        String family = "👨‍👩‍👧‍👦";

        assertThat(SimTokenizer.split("a 😀 " + family + " 👍🏽"))
                .containsExactly("a ", "😀 ", family + " ", "👍🏽");
        for (String chunk : SimTokenizer.split("😀😀😀 中文没有空格的句子很长")) {
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
        }
    }

    @Test
    void countsRoughlyOneChunkPerFourCharactersOfProse() {
        String prose = "The quick brown fox jumps over the lazy dog while the committee deliberates about"
                + " the implementation of an asynchronous scheduler for simulated language models.";

        int chunks = SimTokenizer.split(prose).size();

        assertThat(chunks).isBetween(prose.length() / 8, prose.length() / 3);
    }
}
