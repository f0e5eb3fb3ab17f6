package clinicreader.tui;

import static org.assertj.core.api.Assertions.assertThat;

import clinicreader.content.Clinic;
import clinicreader.layout.Cells;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call-to-action bar and the status line's parts. */
class BarsTest {
  private final Clinic clinic = new Clinic("Clinic", null, "555-0100", "care@example.org", null, null, null,
      new Clinic.Booking("Schedule a free consultation", "https://www.example.org/book", "555-0142"),
      List.of(new Clinic.Cta("consultation", "Schedule a free consultation", "Talk to us.", "Call 555-0142"),
          new Clinic.Cta("insurance", "Questions about insurance?", "Ask.", "Call our coverage line at 555-0143")),
      null, null, null, null, null);

  @Test
  void theBarNamesTheArticlesCallToActionAndItsNumber() {
    assertThat(Bars.cta(clinic, "consultation", 100))
        .isEqualTo("Schedule a free consultation \u00b7 call 555-0142 \u00b7 press c for contact");
    assertThat(Bars.cta(clinic, "insurance", 100))
        .isEqualTo("Questions about insurance? \u00b7 call 555-0143 \u00b7 press c for contact");
    assertThat(Bars.cta(clinic, "unknown", 100)).startsWith("Schedule a free consultation \u00b7 call 555-0142");
  }

  @Test
  void theBarShortensOnNarrowTerminalsButKeepsThePhone() {
    for (int w = 40; w <= 100; w++) {
      String bar = Bars.cta(clinic, "consultation", w);
      assertThat(bar).contains("555-0142");
      assertThat(Cells.width(bar) + 2).as("width " + w).isLessThanOrEqualTo(w);
    }
  }

  @Test
  void withoutAPhoneTheBarPointsAtTheContactPanel() {
    assertThat(Bars.cta(Clinic.defaults(), null, 80)).isEqualTo("Contact us \u00b7 press c for contact");
  }
}
