package dev.ebayalerts.ebaymock.images;

import java.util.Map;

/**
 * A 5×7 pixel font for capital letters and digits, each glyph five columns of seven bits (top row
 * in the lowest bit), as in the classic character ROMs of small LCD displays.
 */
final class PixelFont {

  static final int WIDTH = 5;
  static final int HEIGHT = 7;

  private static final Map<Character, int[]> GLYPHS =
      Map.ofEntries(
          Map.entry('0', new int[] {0x3E, 0x51, 0x49, 0x45, 0x3E}),
          Map.entry('1', new int[] {0x00, 0x42, 0x7F, 0x40, 0x00}),
          Map.entry('2', new int[] {0x42, 0x61, 0x51, 0x49, 0x46}),
          Map.entry('3', new int[] {0x21, 0x41, 0x45, 0x4B, 0x31}),
          Map.entry('4', new int[] {0x18, 0x14, 0x12, 0x7F, 0x10}),
          Map.entry('5', new int[] {0x27, 0x45, 0x45, 0x45, 0x39}),
          Map.entry('6', new int[] {0x3C, 0x4A, 0x49, 0x49, 0x30}),
          Map.entry('7', new int[] {0x01, 0x71, 0x09, 0x05, 0x03}),
          Map.entry('8', new int[] {0x36, 0x49, 0x49, 0x49, 0x36}),
          Map.entry('9', new int[] {0x06, 0x49, 0x49, 0x29, 0x1E}),
          Map.entry('A', new int[] {0x7E, 0x11, 0x11, 0x11, 0x7E}),
          Map.entry('B', new int[] {0x7F, 0x49, 0x49, 0x49, 0x36}),
          Map.entry('C', new int[] {0x3E, 0x41, 0x41, 0x41, 0x22}),
          Map.entry('D', new int[] {0x7F, 0x41, 0x41, 0x22, 0x1C}),
          Map.entry('E', new int[] {0x7F, 0x49, 0x49, 0x49, 0x41}),
          Map.entry('F', new int[] {0x7F, 0x09, 0x09, 0x09, 0x01}),
          Map.entry('G', new int[] {0x3E, 0x41, 0x49, 0x49, 0x7A}),
          Map.entry('H', new int[] {0x7F, 0x08, 0x08, 0x08, 0x7F}),
          Map.entry('I', new int[] {0x00, 0x41, 0x7F, 0x41, 0x00}),
          Map.entry('J', new int[] {0x20, 0x40, 0x41, 0x3F, 0x01}),
          Map.entry('K', new int[] {0x7F, 0x08, 0x14, 0x22, 0x41}),
          Map.entry('L', new int[] {0x7F, 0x40, 0x40, 0x40, 0x40}),
          Map.entry('M', new int[] {0x7F, 0x02, 0x0C, 0x02, 0x7F}),
          Map.entry('N', new int[] {0x7F, 0x04, 0x08, 0x10, 0x7F}),
          Map.entry('O', new int[] {0x3E, 0x41, 0x41, 0x41, 0x3E}),
          Map.entry('P', new int[] {0x7F, 0x09, 0x09, 0x09, 0x06}),
          Map.entry('Q', new int[] {0x3E, 0x41, 0x51, 0x21, 0x5E}),
          Map.entry('R', new int[] {0x7F, 0x09, 0x19, 0x29, 0x46}),
          Map.entry('S', new int[] {0x46, 0x49, 0x49, 0x49, 0x31}),
          Map.entry('T', new int[] {0x01, 0x01, 0x7F, 0x01, 0x01}),
          Map.entry('U', new int[] {0x3F, 0x40, 0x40, 0x40, 0x3F}),
          Map.entry('V', new int[] {0x1F, 0x20, 0x40, 0x20, 0x1F}),
          Map.entry('W', new int[] {0x3F, 0x40, 0x38, 0x40, 0x3F}),
          Map.entry('X', new int[] {0x63, 0x14, 0x08, 0x14, 0x63}),
          Map.entry('Y', new int[] {0x07, 0x08, 0x70, 0x08, 0x07}),
          Map.entry('Z', new int[] {0x61, 0x51, 0x49, 0x45, 0x43}));

  private PixelFont() {}

  static boolean draws(char c) {
    return GLYPHS.containsKey(c);
  }

  /**
   * Draws the text with its top left corner at (x, y), each font pixel a square of {@code scale}.
   */
  static void draw(Canvas canvas, String text, int x, int y, int scale, int rgb) {
    for (int i = 0; i < text.length(); i++) {
      int[] columns = GLYPHS.get(text.charAt(i));
      int left = x + i * (WIDTH + 1) * scale;
      for (int col = 0; col < WIDTH; col++) {
        for (int row = 0; row < HEIGHT; row++) {
          if ((columns[col] >> row & 1) != 0) {
            canvas.fill(left + col * scale, y + row * scale, scale, scale, rgb);
          }
        }
      }
    }
  }

  /** The width of the text in pixels at that scale. */
  static int width(String text, int scale) {
    return text.isEmpty() ? 0 : (text.length() * (WIDTH + 1) - 1) * scale;
  }
}
