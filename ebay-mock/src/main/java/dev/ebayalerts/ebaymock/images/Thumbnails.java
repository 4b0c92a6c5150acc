package dev.ebayalerts.ebaymock.images;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The pictures of the mock's listings, drawn by the mock: a square in a colour of the listing's own
 * with the first letters of its title, so that emails and pages showing mock listings have real
 * pictures to load.
 *
 * <p>A picture's name carries everything needed to draw it (size, listing seed, letters) and a
 * check value, so the mock draws only pictures it named itself and needs no store. Drawn pictures
 * are kept in a small least-recently-used cache of {@value #CACHED} entries.
 */
@Component
public class Thumbnails {

  /** The size of {@code image}, like eBay's {@code s-l225} pictures. */
  public static final int IMAGE_SIZE = 225;

  /** The size of {@code thumbnailImages}, which eBay links in a larger size than {@code image}. */
  public static final int THUMBNAIL_SIZE = 500;

  static final int CACHED = 256;

  private static final Pattern NAME =
      Pattern.compile("s(225|500)-([0-9a-z]{1,13})-([A-Z0-9]{0,2})-([0-9a-z]{1,6})\\.png");

  private final Map<String, byte[]> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHED;
        }
      };

  /**
   * The path of a listing's picture, e.g. {@code /images/s225-2bz9k1cq-NS-1f3k9q.png}.
   *
   * @param seed the listing's seed, which picks the colour
   * @param title the listing's title, whose first letters the picture shows
   * @param size {@link #IMAGE_SIZE} or {@link #THUMBNAIL_SIZE}
   */
  public static String path(long seed, String title, int size) {
    if (size != IMAGE_SIZE && size != THUMBNAIL_SIZE) {
      throw new IllegalArgumentException("no pictures of size " + size);
    }
    long key = seed & Long.MAX_VALUE;
    String letters = initials(title);
    return "/images/s%d-%s-%s-%s.png"
        .formatted(size, Long.toString(key, 36), letters, check(size, key, letters));
  }

  /** The PNG for a file name under {@code /images/}, or empty for a name the mock never gave. */
  Optional<byte[]> png(String fileName) {
    Matcher name = NAME.matcher(fileName);
    if (!name.matches()) {
      return Optional.empty();
    }
    int size = Integer.parseInt(name.group(1));
    long key;
    try {
      key = Long.parseLong(name.group(2), 36);
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
    String letters = name.group(3);
    if (!Long.toString(key, 36).equals(name.group(2))
        || !check(size, key, letters).equals(name.group(4))) {
      return Optional.empty();
    }
    synchronized (cache) {
      byte[] cached = cache.get(fileName);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    byte[] drawn = draw(key, letters, size);
    synchronized (cache) {
      cache.put(fileName, drawn);
    }
    return Optional.of(drawn);
  }

  int cachedCount() {
    synchronized (cache) {
      return cache.size();
    }
  }

  private static byte[] draw(long key, String letters, int size) {
    int background = hsl(unit(mix(key, 1)) * 360, 0.45 + 0.2 * unit(mix(key, 2)), 0.47);
    Canvas canvas = new Canvas(size, size);
    canvas.fill(0, 0, size, size, background);
    int band = size / 6;
    canvas.fill(0, size - band, size, band, darker(background));
    // Scaled for two letters, so one letter is as tall as two.
    int scale = Math.max(1, size / 2 / (2 * (PixelFont.WIDTH + 1) - 1));
    int x = (size - PixelFont.width(letters, scale)) / 2;
    int y = (size - band - PixelFont.HEIGHT * scale) / 2;
    PixelFont.draw(canvas, letters, x, y, scale, 0xFFFFFF);
    return canvas.png();
  }

  /** The first letters of the title's first two words that the font can draw. */
  private static String initials(String title) {
    StringBuilder letters = new StringBuilder();
    for (String word : title.toUpperCase(Locale.ROOT).split("\\s+")) {
      if (!word.isEmpty() && PixelFont.draws(word.charAt(0))) {
        letters.append(word.charAt(0));
        if (letters.length() == 2) {
          break;
        }
      }
    }
    return letters.toString();
  }

  private static String check(int size, long key, String letters) {
    return Long.toString(mix(mix(key, size), letters.hashCode()) >>> 34, 36);
  }

  private static int hsl(double hue, double saturation, double lightness) {
    double c = (1 - Math.abs(2 * lightness - 1)) * saturation;
    double h = hue / 60;
    double x = c * (1 - Math.abs(h % 2 - 1));
    double[] rgb =
        switch ((int) h) {
          case 0 -> new double[] {c, x, 0};
          case 1 -> new double[] {x, c, 0};
          case 2 -> new double[] {0, c, x};
          case 3 -> new double[] {0, x, c};
          case 4 -> new double[] {x, 0, c};
          default -> new double[] {c, 0, x};
        };
    double m = lightness - c / 2;
    return channel(rgb[0] + m) << 16 | channel(rgb[1] + m) << 8 | channel(rgb[2] + m);
  }

  private static int channel(double value) {
    return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
  }

  private static int darker(int rgb) {
    int r = (rgb >> 16 & 0xFF) * 3 / 4;
    int g = (rgb >> 8 & 0xFF) * 3 / 4;
    int b = (rgb & 0xFF) * 3 / 4;
    return r << 16 | g << 8 | b;
  }

  /** SplitMix64's finaliser over two inputs. */
  private static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double unit(long value) {
    return (value >>> 11) * 0x1.0p-53;
  }
}
