package dev.ebayalerts.ebaymock.images;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * An RGB picture drawn with filled rectangles and written as PNG by hand (signature, IHDR, IDAT,
 * IEND), so the mock needs neither AWT nor fonts: it draws the same in a slim container image as on
 * a desktop.
 */
final class Canvas {

  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  private final int width;
  private final int height;
  private final int[] pixels;

  Canvas(int width, int height) {
    this.width = width;
    this.height = height;
    this.pixels = new int[width * height];
  }

  void fill(int x, int y, int w, int h, int rgb) {
    for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
      for (int col = Math.max(0, x); col < Math.min(width, x + w); col++) {
        pixels[row * width + col] = rgb;
      }
    }
  }

  byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(SIGNATURE);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream ihdr = new DataOutputStream(header);
      ihdr.writeInt(width);
      ihdr.writeInt(height);
      ihdr.writeByte(8); // bits per channel
      ihdr.writeByte(2); // colour type: truecolour RGB
      ihdr.writeByte(0); // deflate
      ihdr.writeByte(0); // adaptive filtering
      ihdr.writeByte(0); // no interlace
      chunk(out, "IHDR", header.toByteArray());
      chunk(out, "IDAT", compressedScanlines());
      chunk(out, "IEND", new byte[0]);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toByteArray();
  }

  private byte[] compressedScanlines() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try (DeflaterOutputStream zip = new DeflaterOutputStream(compressed, deflater)) {
      byte[] line = new byte[1 + width * 3];
      for (int y = 0; y < height; y++) {
        line[0] = 0; // filter: none
        for (int x = 0; x < width; x++) {
          int rgb = pixels[y * width + x];
          line[1 + x * 3] = (byte) (rgb >> 16);
          line[2 + x * 3] = (byte) (rgb >> 8);
          line[3 + x * 3] = (byte) rgb;
        }
        zip.write(line);
      }
    } finally {
      deflater.end();
    }
    return compressed.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream chunk = new DataOutputStream(out);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    chunk.writeInt(data.length);
    chunk.write(typeBytes);
    chunk.write(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    chunk.writeInt((int) crc.getValue());
  }
}
