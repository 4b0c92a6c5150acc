package dev.ebayalerts.ebaymock.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

/** The pictures search answers link, served by the mock. */
class ImagesEndpointTests extends MockApiTests {

  @Test
  void servesThePicturesASearchLinks() throws Exception {
    String body = body(search(token()).param("q", "nintendo switch oled").param("limit", "20"));
    // One listing in twenty comes without pictures, as on eBay.
    String image = first(read(body, "$.itemSummaries[?(@.image)].image.imageUrl"));
    String thumbnail = first(read(body, "$.itemSummaries[?(@.image)].thumbnailImages[0].imageUrl"));

    // MockMvc's requests come to http://localhost.
    assertThat(image).startsWith("http://localhost/images/s225-").endsWith(".png");
    MockHttpServletResponse response = fetch(image.substring("http://localhost".length()));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("image/png");
    assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=", "public");
    BufferedImage picture = decode(response.getContentAsByteArray());
    assertThat(picture.getWidth()).isEqualTo(225);
    assertThat(picture.getHeight()).isEqualTo(225);
    assertThat(
            decode(fetch(thumbnail.substring("http://localhost".length())).getContentAsByteArray())
                .getWidth())
        .isEqualTo(500);
  }

  @Test
  void answersNotFoundForPicturesItNeverLinked() throws Exception {
    String path = Thumbnails.path(7L, "Drone", Thumbnails.IMAGE_SIZE);

    assertThat(fetch(path).getStatus()).isEqualTo(200);
    assertThat(fetch(path.replace(".png", ".jpg")).getStatus()).isEqualTo(404);
    assertThat(fetch(path.replace("-D-", "-E-")).getStatus()).isEqualTo(404);
    assertThat(fetch("/images/logo.png").getStatus()).isEqualTo(404);
  }

  private static String first(List<String> urls) {
    assertThat(urls).isNotEmpty();
    return urls.get(0);
  }

  private MockHttpServletResponse fetch(String path) throws Exception {
    return mvc.perform(get(path)).andReturn().getResponse();
  }

  private static BufferedImage decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG ImageIO can read").isNotNull();
    return image;
  }
}
