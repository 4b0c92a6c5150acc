package dev.ebayalerts.ebaymock.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTests {

  private final Thumbnails thumbnails = new Thumbnails();

  @Test
  void drawsAValidPngOfTheAskedSizeForANameItGave() throws Exception {
    String path = Thumbnails.path(42L, "Nintendo Switch OLED", Thumbnails.IMAGE_SIZE);

    assertThat(path).startsWith("/images/s225-").contains("-NS-").endsWith(".png");
    BufferedImage image = decode(thumbnails.png(fileName(path)).orElseThrow());
    assertThat(image.getWidth()).isEqualTo(225);
    assertThat(image.getHeight()).isEqualTo(225);
    assertThat(decode(png(Thumbnails.path(42L, "x", Thumbnails.THUMBNAIL_SIZE))).getWidth())
        .isEqualTo(500);
  }

  @Test
  void colorsEachListingItsOwnWay() throws Exception {
    BufferedImage one = decode(png(Thumbnails.path(1L, "Drone", Thumbnails.IMAGE_SIZE)));
    BufferedImage two = decode(png(Thumbnails.path(2L, "Drone", Thumbnails.IMAGE_SIZE)));
    assertThat(one.getRGB(1, 1)).isNotEqualTo(two.getRGB(1, 1));
  }

  @Test
  void drawsNothingForNamesItNeverGave() {
    String path = Thumbnails.path(42L, "Nintendo Switch OLED", Thumbnails.IMAGE_SIZE);
    String name = fileName(path);

    assertThat(thumbnails.png(name.replace("-NS-", "-XY-"))).isEmpty();
    assertThat(thumbnails.png(name.replace("s225", "s500"))).isEmpty();
    assertThat(thumbnails.png(name.replace(".png", ".jpg"))).isEmpty();
    assertThat(thumbnails.png("s225-zzzzzzzzzzzzz-AB-abc.png")).isEmpty();
    assertThat(thumbnails.png("s9999-1-AB-abc.png")).isEmpty();
    assertThat(thumbnails.png("../../etc/passwd")).isEmpty();
    assertThatThrownBy(() -> Thumbnails.path(1L, "x", 1000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsABoundedNumberOfPictures() {
    for (int i = 0; i < Thumbnails.CACHED + 20; i++) {
      png(Thumbnails.path(i, "Lot " + i, Thumbnails.IMAGE_SIZE));
    }
    assertThat(thumbnails.cachedCount()).isEqualTo(Thumbnails.CACHED);
  }

  private byte[] png(String path) {
    return thumbnails.png(fileName(path)).orElseThrow();
  }

  private static String fileName(String path) {
    return path.substring("/images/".length());
  }

  private static BufferedImage decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG ImageIO can read").isNotNull();
    return image;
  }
}
