package dev.ebayalerts.analytics.observation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, written straight into bytes: no text to build,
 * escape and encode on this side, and no dates, numbers and ids for PostgreSQL to parse on its side
 * (it shares the two cores with this process). Each value is written as the column's type receives
 * it; the column's own checks (a {@code varchar(3)} too long, a {@code numeric(12, 2)} out of
 * range) apply as they do to text.
 */
final class CopyRows {

  /** The file header: signature, flags (none), length of the header extension (none). */
  private static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  /** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in seconds since Java's. */
  private static final long POSTGRES_EPOCH = 946_684_800L;

  private static final short NUMERIC_POSITIVE = 0x0000;
  private static final short NUMERIC_NEGATIVE = 0x4000;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private byte[] bytes;
  private int length;

  CopyRows(int capacity) {
    bytes = new byte[capacity];
    header();
  }

  /** Bytes written and not yet {@linkplain #clear() taken}. */
  int length() {
    return length;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Forgets the bytes written so far (after they were sent). */
  void clear() {
    length = 0;
  }

  private void header() {
    ensure(HEADER.length);
    System.arraycopy(HEADER, 0, bytes, length, HEADER.length);
    length += HEADER.length;
  }

  /** Starts a row of that many columns; each then follows with one of the value methods. */
  CopyRows row(int columns) {
    return int16(columns);
  }

  /** The end of the data, after the last row. */
  void end() {
    int16(-1);
  }

  CopyRows nullValue() {
    return int32(-1);
  }

  /** A {@code uuid}: its 16 bytes. */
  CopyRows uuid(UUID value) {
    if (value == null) {
      return nullValue();
    }
    int32(16);
    int64(value.getMostSignificantBits());
    return int64(value.getLeastSignificantBits());
  }

  /** A {@code text} or {@code varchar}: its UTF-8 bytes. */
  CopyRows text(String value) {
    if (value == null) {
      return nullValue();
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    int32(utf8.length);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, length, utf8.length);
    length += utf8.length;
    return this;
  }

  /**
   * A {@code timestamptz}: microseconds since 2000-01-01 UTC. Sub-microsecond digits are rounded to
   * the nearest microsecond, as PostgreSQL rounds them when it reads the instant as text (an exact
   * half is rounded up here; PostgreSQL's floating-point rounding may take it down).
   */
  CopyRows timestamp(Instant value) {
    if (value == null) {
      return nullValue();
    }
    long micros =
        Math.addExact(
            Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH, 1_000_000L),
            (value.getNano() + 500) / 1000);
    int32(8);
    return int64(micros);
  }

  /**
   * A {@code numeric}: the value's digits in base 10,000 with their weight, sign and display scale,
   * as {@code numeric_send} writes them.
   */
  CopyRows numeric(BigDecimal value) {
    if (value == null) {
      return nullValue();
    }
    BigDecimal decimal = value.scale() < 0 ? value.setScale(0) : value;
    int scale = decimal.scale();
    short sign = decimal.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE;
    // Align the fraction to whole base-10,000 digits: scale the unscaled value up to a multiple of
    // 4
    int padded = (scale + 3) / 4 * 4;
    BigInteger unscaled = decimal.unscaledValue().abs();
    if (padded > scale) {
      unscaled = unscaled.multiply(BigInteger.TEN.pow(padded - scale));
    }
    int fractionDigits = padded / 4;
    short[] digits = new short[0];
    int count = 0;
    long small = unscaled.bitLength() < 63 ? unscaled.longValueExact() : -1;
    if (small >= 0) {
      digits = new short[5];
      while (small != 0) {
        if (count == digits.length) {
          digits = Arrays.copyOf(digits, count * 2);
        }
        digits[count++] = (short) (small % 10_000);
        small /= 10_000;
      }
    } else {
      digits = new short[unscaled.bitLength() / 13 + 2];
      while (unscaled.signum() != 0) {
        BigInteger[] division = unscaled.divideAndRemainder(TEN_THOUSAND);
        if (count == digits.length) {
          digits = Arrays.copyOf(digits, count * 2);
        }
        digits[count++] = division[1].shortValue();
        unscaled = division[0];
      }
    }
    // digits[0] is the least significant; drop zero digits at the low end (they carry no value)
    int low = 0;
    while (low < count && digits[low] == 0) {
      low++;
    }
    int ndigits = count - low;
    int weight = ndigits == 0 ? 0 : count - 1 - fractionDigits;
    int32(8 + 2 * ndigits);
    int16(ndigits);
    int16(weight);
    int16(ndigits == 0 ? NUMERIC_POSITIVE : sign);
    int16(scale);
    for (int i = count - 1; i >= low; i--) {
      int16(digits[i]);
    }
    return this;
  }

  private CopyRows int16(int value) {
    ensure(2);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
    return this;
  }

  private CopyRows int32(int value) {
    ensure(4);
    bytes[length++] = (byte) (value >>> 24);
    bytes[length++] = (byte) (value >>> 16);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
    return this;
  }

  private CopyRows int64(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[length++] = (byte) (value >>> shift);
    }
    return this;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
