package clinicreader.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The clinic's profile from {@code clinic.json}: contact details and calls-to-action. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Clinic(
    String name,
    String tagline,
    String phone,
    String email,
    String website,
    String address,
    List<String> hours,
    Booking booking,
    List<Cta> ctas,
    String about,
    List<String> conditions,
    List<String> services,
    String disclaimer,
    String crisis) {

  /** How to book: a label ("Schedule a free consultation"), a link and a phone number. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Booking(String label, String url, String phone) {
    public Booking {
      label = Text.cleanLine(label);
      url = Text.cleanLine(url);
      phone = Text.cleanLine(phone);
    }
  }

  /** A named call-to-action an article can ask for with {@code cta: id}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Cta(String id, String title, String text, String action) {
    public Cta {
      id = Text.cleanLine(id);
      title = Text.cleanLine(title);
      text = Text.cleanLine(text);
      action = Text.cleanLine(action);
    }
  }

  public Clinic {
    name = orDefault(Text.cleanLine(name), "Clinic");
    tagline = Text.cleanLine(tagline);
    phone = Text.cleanLine(phone);
    email = Text.cleanLine(email);
    website = Text.cleanLine(website);
    address = Text.cleanLine(address);
    hours = cleanList(hours);
    booking = booking == null ? new Booking(null, null, null) : booking;
    ctas = ctas == null ? List.of() : List.copyOf(ctas.stream().filter(java.util.Objects::nonNull).toList());
    about = Text.cleanLine(about);
    conditions = cleanList(conditions);
    services = cleanList(services);
    disclaimer = orDefault(Text.cleanLine(disclaimer),
        "General information, not medical advice. Talk with your own clinician before starting, "
            + "stopping or changing any treatment.");
    crisis = orDefault(Text.cleanLine(crisis),
        "In crisis? In the US, call or text 988 (Suicide & Crisis Lifeline). In immediate danger, call 911.");
  }

  /** The profile used when there is no clinic.json. */
  public static Clinic defaults() {
    return new Clinic(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The call-to-action with this id, else the booking one, else none. */
  public java.util.Optional<Cta> cta(String id) {
    if (id != null) {
      for (Cta c : ctas) if (id.equals(c.id())) return java.util.Optional.of(c);
    }
    return java.util.Optional.empty();
  }

  /** The call-to-action for an article: its own, else the first one, else one made from booking. */
  public Cta ctaFor(String id) {
    return cta(id).orElseGet(() -> ctas.isEmpty()
        ? new Cta("booking", booking.label() == null ? "Contact us" : booking.label(), null, contactLine())
        : ctas.get(0));
  }

  /** "call 555-0142 · care@example.org", whichever parts exist. */
  public String contactLine() {
    StringBuilder sb = new StringBuilder();
    String ph = booking.phone() != null ? booking.phone() : phone;
    if (ph != null) sb.append("call ").append(ph);
    if (email != null) sb.append(sb.length() > 0 ? " · " : "").append(email);
    return sb.toString();
  }

  private static String orDefault(String v, String d) {
    return v == null || v.isBlank() ? d : v;
  }

  private static List<String> cleanList(List<String> l) {
    return l == null ? List.of() : l.stream().filter(java.util.Objects::nonNull).map(Text::cleanLine).toList();
  }
}
