package clinicreader.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The folds worked out without the normalizer (CJK ideographs, Hangul, kana) are the normalizer's. */
class FoldShortcutTest {
  @Test
  void everyCodePointFoldsAsTheNormalizerSays() {
    for (int cp = 0; cp < 0x10000; cp++) {
      if (Character.isSurrogate((char) cp)) continue;
      if (Character.getType(cp) == Character.NON_SPACING_MARK || !Character.isLetterOrDigit(cp)) continue;
      assertThat(Fold.compute(cp)).as(Integer.toHexString(cp)).isEqualTo(Fold.normalized(cp));
    }
  }
}
