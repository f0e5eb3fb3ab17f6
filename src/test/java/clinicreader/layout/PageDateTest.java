package clinicreader.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Page dates read as the pattern "d MMMM uuuu" in English prints them. */
class PageDateTest {
  @Test
  void everyDayOfSomeYearsReadsAsThePattern() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    for (int year : new int[] {-5, 0, 7, 999, 1000, 1999, 2024, 2025, 9999, 10000, 123456}) {
      for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
        assertThat(PageLayout.date(d)).isEqualTo(f.format(d));
      }
    }
    assertThat(PageLayout.date(LocalDate.of(2025, 7, 22))).isEqualTo("22 July 2025");
    assertThat(PageLayout.date(null)).isEqualTo("undated");
  }
}
