package dev.ebayalerts.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.analytics.digest.InsightDigest.AlertSection;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DigestChartTests {

  @Test
  void drawsA600By300Png() throws IOException {
    AlertSection alert = DigestFixtures.nintendoSwitch();

    byte[] png = PriceChart.png(alert.history(), "USD", DigestFixtures.FROM, DigestFixtures.TO);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(image.getHeight()).isEqualTo(300);
  }

  @Test
  void drawsASingleDayAndAnUnknownCurrency() throws IOException {
    byte[] png =
        PriceChart.png(
            List.of(
                new InsightDigest.DayPrices(
                    LocalDate.of(2026, 3, 14),
                    DigestFixtures.amount("1"),
                    DigestFixtures.amount("2"),
                    DigestFixtures.amount("3"))),
            "XXY",
            null,
            null);

    assertThat(ImageIO.read(new ByteArrayInputStream(png))).isNotNull();
  }
}
