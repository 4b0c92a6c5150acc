package dev.ebayalerts.ebaymock.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ebayalerts.ebaymock.MockApiTests;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Picture links when clients reach the mock under another name than browsers do. */
@TestPropertySource(properties = "ebay-mock.public-url=http://localhost:8090/")
class PublicUrlTests extends MockApiTests {

  @Test
  void linksPicturesAtThePublicUrlAndTheApiAtTheRequestsAddress() throws Exception {
    String body = body(search(token()).param("q", "drone").param("limit", "20"));

    assertThat((List<String>) read(body, "$.itemSummaries[*].image.imageUrl"))
        .isNotEmpty()
        .allSatisfy(url -> assertThat(url).startsWith("http://localhost:8090/images/s225-"));
    assertThat((List<String>) read(body, "$.itemSummaries[*].itemHref"))
        .allSatisfy(url -> assertThat(url).startsWith("http://localhost/buy/browse/v1/item/"));
  }
}
