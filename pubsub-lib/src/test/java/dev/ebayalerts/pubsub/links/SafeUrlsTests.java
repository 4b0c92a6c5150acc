package dev.ebayalerts.pubsub.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeUrlsTests {

  @Test
  void keepsHttpAndHttpsLinksStripped() {
    assertThat(SafeUrls.webUrl(" https://www.ebay.com/itm/1 "))
        .isEqualTo("https://www.ebay.com/itm/1");
    assertThat(SafeUrls.webUrl("HTTP://i.ebayimg.com/a.jpg"))
        .isEqualTo("HTTP://i.ebayimg.com/a.jpg");
  }

  @Test
  void dropsEveryOtherSchemeAndWhatIsNotAUrl() {
    assertThat(SafeUrls.webUrl("javascript:alert(1)")).isNull();
    assertThat(SafeUrls.webUrl("data:text/html;base64,PHNjcmlwdD4=")).isNull();
    assertThat(SafeUrls.webUrl("ftp://example.com/a")).isNull();
    assertThat(SafeUrls.webUrl("//www.ebay.com/itm/1")).isNull();
    assertThat(SafeUrls.webUrl("https://exa mple.com/")).isNull();
    assertThat(SafeUrls.webUrl("")).isNull();
    assertThat(SafeUrls.webUrl(null)).isNull();
  }
}
