package clinicreader.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.MouseAction;

/** Names Lanterna key strokes as {@link Key}s. */
final class Keys {
  private Keys() {}

  static Key of(KeyStroke k) {
    if (k instanceof MouseAction m) {
      return switch (m.getActionType()) {
        case SCROLL_UP -> Key.of("WheelUp");
        case SCROLL_DOWN -> Key.of("WheelDown");
        case CLICK_DOWN -> m.getButton() == 1
            ? new Key("Click", m.getPosition().getColumn(), m.getPosition().getRow()) : Key.of("Mouse");
        default -> Key.of("Mouse");
      };
    }
    return switch (k.getKeyType()) {
      case Character -> {
        char c = k.getCharacter();
        if (k.isCtrlDown()) yield Key.of("C-" + Character.toLowerCase(c));
        if (k.isAltDown()) yield Key.of("M-" + c);
        yield c == ' ' ? Key.of("Space") : Key.of(String.valueOf(c));
      }
      case ArrowUp -> Key.of("Up");
      case ArrowDown -> Key.of("Down");
      case ArrowLeft -> Key.of("Left");
      case ArrowRight -> Key.of("Right");
      case PageUp -> Key.of("PgUp");
      case PageDown -> Key.of("PgDn");
      case Home -> Key.of("Home");
      case End -> Key.of("End");
      case Enter -> Key.of("Enter");
      case Escape -> Key.of("Esc");
      case Tab -> Key.of("Tab");
      case ReverseTab -> Key.of("S-Tab");
      case Backspace -> Key.of("Backspace");
      case Delete -> Key.of("Delete");
      case EOF -> Key.of("EOF");
      default -> Key.of(k.getKeyType().name());
    };
  }
}
