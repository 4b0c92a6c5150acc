package dev.ebayalerts.ebaymock.browse;

/**
 * Stateless pseudo-randomness: every value is a pure function of its inputs, so a listing looks the
 * same on every request and in every JVM without storing anything.
 */
final class Rng {

  private Rng() {}

  /** SplitMix64's finaliser applied to a combination of the inputs. */
  static long mix(long... values) {
    long h = 0x9E3779B97F4A7C15L;
    for (long value : values) {
      h = finalise(h ^ finalise(value + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  /** A uniform double in [0, 1) drawn from the seed. */
  static double unit(long seed) {
    return (finalise(seed) >>> 11) * 0x1.0p-53;
  }

  /** A uniform int in [0, bound) drawn from the seed. */
  static int below(long seed, int bound) {
    return (int) (unit(seed) * bound);
  }

  static long seedOf(String text) {
    long h = 1125899906842597L;
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return finalise(h);
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
